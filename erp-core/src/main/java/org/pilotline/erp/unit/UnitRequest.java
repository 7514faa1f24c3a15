package org.pilotline.erp.unit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A unit of measure. On update, version is the version that was read.")
public record UnitRequest(
        @NotBlank @Pattern(regexp = "\\S{1,16}", message = "must be 1-16 characters without spaces") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull Dimension dimension,
        @NotNull @Min(0) @Max(6) @Schema(description = "decimal places quantities are kept to") Integer decimals,
        Long version) {
}
