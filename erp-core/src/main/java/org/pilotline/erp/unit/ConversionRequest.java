package org.pilotline.erp.unit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "fromQuantity of fromUnit equals toQuantity of toUnit (1 box = 12 pcs); itemId limits it to one item.")
public record ConversionRequest(
        @Schema(description = "or itemCode") Long itemId,
        @Schema(description = "or fromUnitCode") Long fromUnitId,
        @Schema(description = "or toUnitCode") Long toUnitId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 12) BigDecimal fromQuantity,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 12) BigDecimal toQuantity,
        Long version,
        @Size(max = 80) @Schema(description = "the item's code, instead of itemId") String itemCode,
        @Size(max = 80) @Schema(description = "the from unit's code, instead of fromUnitId") String fromUnitCode,
        @Size(max = 80) @Schema(description = "the to unit's code, instead of toUnitId") String toUnitCode) {
}
