package org.pilotline.erp.mrp.store;

import org.pilotline.erp.unit.UnitConverter;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items a load has met (id → code and stock unit) and the enterprise's unit conversions, so that every quantity
 * reaches the engine in its item's stock unit ({@link UnitConverter}: item-specific ratios before global ones).
 */
final class ItemUnits {

    private final TenantQuery query;
    private final Map<Long, String> codeById = new HashMap<>();
    private final Map<Long, Long> stockUnitById = new HashMap<>();
    private final List<UnitConverter.Ratio> globalRatios = new ArrayList<>();
    private final Map<Long, List<UnitConverter.Ratio>> itemRatios = new HashMap<>();
    private final Map<Long, UnitConverter> converters = new HashMap<>();
    private UnitConverter globalConverter;

    ItemUnits(TenantQuery query) {
        this.query = query;
    }

    void loadConversions() throws SQLException {
        query.forEach("select item_id, from_unit_id, to_unit_id, from_quantity, to_quantity from unit_conversion"
                + " where tenant_id = ?", row -> {
            long item = row.getLong(1);
            boolean global = row.wasNull();
            UnitConverter.Ratio ratio = new UnitConverter.Ratio(row.getLong(2), row.getLong(3), row.getBigDecimal(4),
                    row.getBigDecimal(5));
            if (global) {
                globalRatios.add(ratio);
            } else {
                itemRatios.computeIfAbsent(item, k -> new ArrayList<>()).add(ratio);
            }
        });
        globalConverter = new UnitConverter(globalRatios);
    }

    /** An item met in the rows: its code and the unit its stock is kept in. */
    void add(long itemId, String code, long stockUnitId) {
        codeById.put(itemId, code);
        stockUnitById.put(itemId, stockUnitId);
    }

    String code(long itemId) {
        String code = codeById.get(itemId);
        if (code == null) {
            throw new PlanningInputLoader.LoadProblem("item id " + itemId + " does not exist");
        }
        return code;
    }

    BigDecimal toStockUnit(BigDecimal quantity, long unit, long item) {
        Long stockUnit = stockUnitById.get(item);
        if (stockUnit == null) {
            throw new PlanningInputLoader.LoadProblem("item id " + item + " does not exist");
        }
        if (stockUnit == unit) {
            return quantity;
        }
        UnitConverter converter = itemRatios.containsKey(item) ? converters.computeIfAbsent(item, k -> {
            List<UnitConverter.Ratio> ratios = new ArrayList<>(globalRatios);
            ratios.addAll(itemRatios.get(k));
            return new UnitConverter(ratios);
        }) : globalConverter;
        return converter.convert(quantity, unit, stockUnit).orElseThrow(() -> new PlanningInputLoader.LoadProblem(
                "no conversion of unit " + unit + " into the stock unit of item " + code(item)));
    }
}
