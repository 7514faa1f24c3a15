package org.pilotline.erp.enterprise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A pilot enterprise to register. The code becomes its tenant id and never changes.")
public record EnterpriseRequest(
        @Schema(description = "Short stable code, lower case", examples = "hz-valve")
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,31}", message = "must be 2-32 lower-case letters, digits or '-'")
        String code,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Unified social credit code (GB 32100-2015), 18 characters")
        @NotBlank String creditCode,
        @NotBlank @Size(max = 100) String industry,
        @NotNull ManufacturingType manufacturingType,
        @NotNull LocalDate pilotSince,
        @Schema(description = "IANA zone of the plant; defaults to Asia/Shanghai") @Size(max = 64) String timeZone) {
}
