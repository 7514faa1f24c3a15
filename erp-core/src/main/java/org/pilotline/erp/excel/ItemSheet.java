package org.pilotline.erp.excel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.ItemService;
import org.pilotline.erp.item.ItemType;
import org.pilotline.erp.item.LotSizing;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.item.Tracking;
import org.pilotline.erp.item.ItemRequest;
import org.pilotline.erp.unit.Unit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.pilotline.erp.excel.Canon.decimal;

/** The items sheet: one row per item, matched by code. */
@ApplicationScoped
public class ItemSheet implements SheetHandler {

    private static final Map<String, String> DEFAULTS = Map.of("lotSizing", "LOT_FOR_LOT", "safetyStock", "0",
            "standardCost", "0", "standardLotSize", "1", "tracking", "NONE", "allowNegativeStock", "false", "active", "true");
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("stockUnitId", "unit"),
            Map.entry("code", "code"), Map.entry("name", "name"), Map.entry("lotSizeQuantity", "lotSizeQuantity"),
            Map.entry("lotSizeMinimum", "lotSizeMinimum"), Map.entry("lotSizeMaximum", "lotSizeMaximum"),
            Map.entry("lotSizeMultiple", "lotSizeMultiple"), Map.entry("periodsOfSupply", "periodsOfSupply"),
            Map.entry("allowNegativeStock", "allowNegativeStock"), Map.entry("leadTimeDays", "leadTimeDays"));

    @Inject
    ItemService items;

    @Override
    public SheetSpec spec() {
        return SheetSpec.ITEMS;
    }

    @Override
    public List<Row> export() {
        return Item.<Item>list("order by code").stream().map(ItemSheet::row).toList();
    }

    /** The item rules, checked here so that every row breaking them is listed (a service refusal stops the writes). */
    private static boolean rulesHold(Row row, ItemRequest r, Unit unit, ImportRun run) {
        var problems = new java.util.ArrayList<>(org.pilotline.erp.item.ItemRules.lotSizingProblems(
                new org.pilotline.erp.item.ItemRules.LotSizingSettings(r.lotSizing() == null ? LotSizing.LOT_FOR_LOT : r.lotSizing(),
                        r.lotSizeQuantity(), r.lotSizeMinimum(), r.lotSizeMaximum(), r.lotSizeMultiple(), r.periodsOfSupply())));
        problems.addAll(org.pilotline.erp.item.ItemRules.trackingProblems(r.tracking() == null ? Tracking.NONE : r.tracking(),
                unit.decimals, Boolean.TRUE.equals(r.allowNegativeStock())));
        problems.forEach(p -> run.problem(row, FIELDS.getOrDefault(p.field(), "code"), p.message()));
        return problems.isEmpty();
    }

    static Row row(Item i) {
        Map<String, String> v = new HashMap<>();
        v.put("code", i.code);
        v.put("name", i.name);
        v.put("description", i.description);
        v.put("type", i.type.name());
        v.put("sourcing", i.sourcing.name());
        v.put("unit", i.stockUnit.code);
        v.put("leadTimeDays", String.valueOf(i.leadTimeDays));
        v.put("lotSizing", i.lotSizing.name());
        v.put("lotSizeQuantity", decimal(i.lotSizeQuantity));
        v.put("lotSizeMinimum", decimal(i.lotSizeMinimum));
        v.put("lotSizeMaximum", decimal(i.lotSizeMaximum));
        v.put("lotSizeMultiple", decimal(i.lotSizeMultiple));
        v.put("periodsOfSupply", Canon.integer(i.periodsOfSupply));
        v.put("safetyStock", decimal(i.safetyStock));
        v.put("standardCost", decimal(i.standardCost));
        v.put("standardLotSize", decimal(i.standardLotSize));
        v.put("tracking", i.tracking.name());
        v.put("allowNegativeStock", Canon.bool(i.allowNegativeStock));
        v.put("active", Canon.bool(i.active));
        return new Row(0, v);
    }

    @Override
    public void apply(WorkbookReader.ParsedSheet sheet, ImportRun run) {
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : sheet.rows()) {
            if (run.hasProblems(row)) {
                continue;
            }
            String code = row.text("code");
            Integer first = seen.putIfAbsent(code, row.number());
            if (first != null) {
                run.problem(row, "code", "item '" + code + "' is already in row " + first);
                continue;
            }
            Optional<Unit> unit = Unit.find("code", row.text("unit")).firstResultOptional();
            if (unit.isEmpty()) {
                run.problem(row, "unit", "no unit '" + row.text("unit") + "'");
                continue;
            }
            Optional<Item> existing = Item.findByCode(code);
            if (existing.isPresent() && Canon.same(spec(), row(existing.get()).values(), Canon.withDefaults(row, DEFAULTS))) {
                run.unchanged();
                continue;
            }
            ItemRequest request = new ItemRequest(code, row.text("name"), row.text("description"),
                    ItemType.valueOf(row.text("type")), Sourcing.valueOf(row.text("sourcing")), unit.get().id,
                    row.integer("leadTimeDays"), row.has("lotSizing") ? LotSizing.valueOf(row.text("lotSizing")) : null,
                    row.decimal("lotSizeQuantity"), row.decimal("lotSizeMinimum"), row.decimal("lotSizeMaximum"),
                    row.decimal("lotSizeMultiple"), row.integer("periodsOfSupply"), row.decimal("safetyStock"),
                    row.decimal("standardCost"), row.decimal("standardLotSize"),
                    row.has("tracking") ? Tracking.valueOf(row.text("tracking")) : null, row.bool("allowNegativeStock"),
                    row.bool("active"), existing.map(i -> i.version).orElse(null));
            if (!run.valid(request, List.of(row), FIELDS, "code") || !rulesHold(row, request, unit.get(), run) || !run.writable()) {
                continue;
            }
            try {
                if (existing.isPresent()) {
                    items.updateItem(existing.get().id, request);
                    run.updated();
                } else {
                    items.createItem(request);
                    run.created();
                }
            } catch (DomainException refusal) {
                run.refused(row, refusal, FIELDS, "code");
            }
        }
    }
}
