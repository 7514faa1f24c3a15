package org.pilotline.erp.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.platform.security.Role;

import java.util.Set;

@Schema(description = "An account to create. An enterprise administrator creates accounts of its own enterprise only.")
public record NewUser(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "must be 3-64 lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull @Size(max = 200) String password,
        @Schema(description = "Enterprise code; omit for bureau, expert and platform administrator accounts")
        String enterprise,
        @NotEmpty Set<@NotNull Role> roles,
        @Schema(description = "Enterprise codes an expert may read") Set<@NotBlank String> assignedEnterprises) {
}
