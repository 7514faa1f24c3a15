package org.pilotline.erp.unit;

import org.pilotline.platform.quantity.Decimals;

import java.math.BigDecimal;

public record ConversionView(long id, Long itemId, long fromUnitId, String fromUnit, long toUnitId, String toUnit,
                             BigDecimal fromQuantity, BigDecimal toQuantity, long version) {
    public static ConversionView of(UnitConversion c) {
        return new ConversionView(c.id, c.itemId, c.fromUnit.id, c.fromUnit.code, c.toUnit.id, c.toUnit.code,
                Decimals.plain(c.fromQuantity), Decimals.plain(c.toQuantity), c.version);
    }
}
