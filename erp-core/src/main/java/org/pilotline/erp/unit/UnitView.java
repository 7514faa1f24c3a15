package org.pilotline.erp.unit;


public record UnitView(long id, String code, String name, Dimension dimension, int decimals, long version) {
    public static UnitView of(Unit u) {
        return new UnitView(u.id, u.code, u.name, u.dimension, u.decimals, u.version);
    }
}
