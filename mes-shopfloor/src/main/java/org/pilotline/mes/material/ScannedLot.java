package org.pilotline.mes.material;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A component lot scanned at the terminal, with the quantity taken from it (in the component's stock unit). */
public record ScannedLot(@NotNull Long itemId, @NotBlank @Size(max = 64) String lotNumber,
                         @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
                         BigDecimal quantity) {
}
