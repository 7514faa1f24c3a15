package org.pilotline.erp.unit;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The units every enterprise starts with (names in Chinese and English) and the exact ratios between them. */
final class StandardUnits {

    private record Standard(String code, String name, Dimension dimension, int decimals) {
    }

    private static final List<Standard> UNITS = List.of(
            new Standard("pcs", "个 piece", Dimension.COUNT, 0),
            new Standard("set", "套 set", Dimension.COUNT, 0),
            new Standard("box", "箱 box", Dimension.COUNT, 0),
            new Standard("kg", "千克 kilogram", Dimension.MASS, 3),
            new Standard("g", "克 gram", Dimension.MASS, 3),
            new Standard("t", "吨 tonne", Dimension.MASS, 6),
            new Standard("m", "米 metre", Dimension.LENGTH, 3),
            new Standard("mm", "毫米 millimetre", Dimension.LENGTH, 1),
            new Standard("m2", "平方米 square metre", Dimension.AREA, 3),
            new Standard("L", "升 litre", Dimension.VOLUME, 3),
            new Standard("mL", "毫升 millilitre", Dimension.VOLUME, 1),
            new Standard("h", "小时 hour", Dimension.TIME, 3),
            new Standard("min", "分钟 minute", Dimension.TIME, 2));

    private StandardUnits() {
    }

    static void create() {
        Map<String, Unit> byCode = new HashMap<>();
        for (Standard s : UNITS) {
            Unit unit = new Unit();
            unit.code = s.code();
            unit.name = s.name();
            unit.dimension = s.dimension();
            unit.decimals = s.decimals();
            unit.persist();
            byCode.put(s.code(), unit);
        }
        ratio(byCode, "kg", "g", 1000);
        ratio(byCode, "t", "kg", 1000);
        ratio(byCode, "m", "mm", 1000);
        ratio(byCode, "L", "mL", 1000);
        ratio(byCode, "h", "min", 60);
    }

    private static void ratio(Map<String, Unit> units, String from, String to, int toQuantity) {
        UnitConversion conversion = new UnitConversion();
        conversion.fromUnit = units.get(from);
        conversion.toUnit = units.get(to);
        conversion.fromQuantity = BigDecimal.ONE;
        conversion.toQuantity = BigDecimal.valueOf(toQuantity);
        conversion.persist();
    }
}
