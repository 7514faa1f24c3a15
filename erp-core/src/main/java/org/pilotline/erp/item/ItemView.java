package org.pilotline.erp.item;


import java.math.BigDecimal;

import static org.pilotline.platform.quantity.Decimals.plain;

public record ItemView(long id, String code, String name, String description, ItemType type, Sourcing sourcing,
                       long stockUnitId, String stockUnit, int leadTimeDays, LotSizing lotSizing,
                       BigDecimal lotSizeQuantity, BigDecimal lotSizeMinimum, BigDecimal lotSizeMaximum,
                       BigDecimal lotSizeMultiple, Integer periodsOfSupply, BigDecimal safetyStock,
                       BigDecimal standardCost, BigDecimal standardLotSize, Tracking tracking,
                       boolean allowNegativeStock, boolean active, long version) {

    public static ItemView of(Item i) {
        return new ItemView(i.id, i.code, i.name, i.description, i.type, i.sourcing, i.stockUnit.id, i.stockUnit.code,
                i.leadTimeDays, i.lotSizing, plain(i.lotSizeQuantity), plain(i.lotSizeMinimum), plain(i.lotSizeMaximum),
                plain(i.lotSizeMultiple), i.periodsOfSupply, plain(i.safetyStock), plain(i.standardCost),
                plain(i.standardLotSize), i.tracking, i.allowNegativeStock, i.active, i.version);
    }
}
