package org.pilotline.erp.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pilotline.platform.security.Role;

import java.util.Set;

/** A full replacement of an account's changeable fields; {@code version} is the version the client read. */
public record UserUpdate(
        @NotBlank @Size(max = 100) String displayName,
        @NotEmpty Set<@NotNull Role> roles,
        Set<@NotBlank String> assignedEnterprises,
        @NotNull Boolean enabled,
        @NotNull Long version) {
}
