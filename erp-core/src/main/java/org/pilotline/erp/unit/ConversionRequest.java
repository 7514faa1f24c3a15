package org.pilotline.erp.unit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "fromQuantity of fromUnit equals toQuantity of toUnit (1 box = 12 pcs); itemId limits it to one item.")
public record ConversionRequest(
        Long itemId,
        @NotNull Long fromUnitId,
        @NotNull Long toUnitId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 12) BigDecimal fromQuantity,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 18, fraction = 12) BigDecimal toQuantity,
        Long version) {
}
