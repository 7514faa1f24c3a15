package org.pilotline.erp.equipment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A plant site. On update, version is the version that was read.")
public record SiteRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}", message = "must be 1-32 letters, digits, '.', '_' or '-'")
        String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String address,
        @Schema(description = "IANA zone; defaults to the enterprise's") @Size(max = 64) String timeZone,
        @Schema(description = "Required on update") Long version) {
}
