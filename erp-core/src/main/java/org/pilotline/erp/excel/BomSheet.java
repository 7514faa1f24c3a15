package org.pilotline.erp.excel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.bom.Bom;
import org.pilotline.erp.bom.BomLine;
import org.pilotline.erp.bom.BomService;
import org.pilotline.erp.bom.BomRequest;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.unit.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The BOM-lines sheet: one row per line; rows with the same parent and revision make one BOM revision. */
@ApplicationScoped
public class BomSheet implements SheetHandler {

    private static final List<String> HEADER = List.of("validFrom", "validTo", "baseQuantity");
    private static final Map<String, String> DEFAULTS = Map.of("baseQuantity", "1", "scrapFactor", "0", "phantom", "false");
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("componentId", "component"),
            Map.entry("unitId", "unit"), Map.entry("itemId", "parent"), Map.entry("validFrom", "validFrom"),
            Map.entry("validTo", "validTo"), Map.entry("revision", "revision"), Map.entry("lines", "component"),
            Map.entry("lineNo", "lineNo"), Map.entry("quantity", "quantity"), Map.entry("scrapFactor", "scrapFactor"),
            Map.entry("baseQuantity", "baseQuantity"), Map.entry("operationNo", "operationNo"));

    @Inject
    BomService boms;

    @Override
    public SheetSpec spec() {
        return SheetSpec.BOM_LINES;
    }

    @Override
    public List<Row> export() {
        List<Row> rows = new ArrayList<>();
        for (Bom bom : Bom.<Bom>list("order by item.code, revision")) {
            rows.addAll(rows(bom));
        }
        return rows;
    }

    static List<Row> rows(Bom bom) {
        List<Row> rows = new ArrayList<>();
        for (BomLine line : bom.lines) {
            Map<String, String> v = new HashMap<>();
            v.put("parent", bom.item.code);
            v.put("revision", bom.revision);
            v.put("validFrom", Canon.date(bom.validFrom));
            v.put("validTo", Canon.date(bom.validTo));
            v.put("baseQuantity", Canon.decimal(bom.baseQuantity));
            v.put("lineNo", String.valueOf(line.lineNo));
            v.put("component", line.component.code);
            v.put("quantity", Canon.decimal(line.quantity));
            v.put("unit", line.unit.code);
            v.put("scrapFactor", Canon.decimal(line.scrapFactor));
            v.put("phantom", Canon.bool(line.phantom));
            v.put("operationNo", Canon.integer(line.operationNo));
            rows.add(new Row(0, v));
        }
        return rows;
    }

    @Override
    public void apply(WorkbookReader.ParsedSheet sheet, ImportRun run) {
        Groups.by(sheet.rows(), r -> r.text("parent") + "\u0000" + r.text("revision")).forEach((key, group) -> {
            if (group.stream().anyMatch(run::hasProblems) || !Groups.headersAgree(group, HEADER, run)) {
                return;
            }
            Row first = group.get(0);
            Optional<Item> parent = Item.findByCode(first.text("parent"));
            if (parent.isEmpty()) {
                group.forEach(row -> run.problem(row, "parent", "no item '" + first.text("parent") + "'"));
                return;
            }
            List<BomRequest.Line> lines = new ArrayList<>();
            boolean resolved = true;
            for (Row row : group) {
                Optional<Item> component = Item.findByCode(row.text("component"));
                if (component.isEmpty()) {
                    run.problem(row, "component", "no item '" + row.text("component") + "'");
                    resolved = false;
                    continue;
                }
                Long unit = null;
                if (row.has("unit")) {
                    Optional<Unit> found = Unit.find("code", row.text("unit")).firstResultOptional();
                    if (found.isEmpty()) {
                        run.problem(row, "unit", "no unit '" + row.text("unit") + "'");
                        resolved = false;
                        continue;
                    }
                    unit = found.get().id;
                }
                lines.add(new BomRequest.Line(row.integer("lineNo"), component.get().id, row.decimal("quantity"), unit,
                        row.decimal("scrapFactor"), row.bool("phantom"), row.integer("operationNo")));
            }
            if (!resolved) {
                return;
            }
            Optional<Bom> existing = Bom.find("item = ?1 and revision = ?2", parent.get(), first.text("revision")).firstResultOptional();
            if (existing.isPresent() && Groups.same(spec(), rows(existing.get()), group, DEFAULTS, row -> withUnit(row))) {
                run.unchanged();
                return;
            }
            BomRequest request = new BomRequest(parent.get().id, first.text("revision"), first.decimal("baseQuantity"),
                    first.date("validFrom"), first.date("validTo"), lines, existing.map(b -> b.version).orElse(null));
            if (!run.valid(request, group, FIELDS, "parent") || !run.writable()) {
                return;
            }
            try {
                boms.saveRevision(existing.map(b -> b.id).orElse(null), request);
                if (existing.isPresent()) {
                    run.updated();
                } else {
                    run.created();
                }
            } catch (DomainException refusal) {
                run.refused(rowOf(group, refusal), refusal, FIELDS, "parent");
            }
        });
    }

    /** A line without a unit is in the component's stock unit. */
    private static Map<String, String> withUnit(Row row) {
        Map<String, String> values = new HashMap<>(row.values());
        if (values.get("unit") == null) {
            Item.findByCode(row.text("component")).ifPresent(c -> values.put("unit", c.stockUnit.code));
        }
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    /** The row a refusal is about: the line it names ("lines[2]…"), else the first row of the revision. */
    static Row rowOf(List<Row> group, DomainException refusal) {
        for (var error : refusal.fieldErrors()) {
            var matcher = java.util.regex.Pattern.compile("^\\w+\\[(\\d+)]").matcher(error.field());
            if (matcher.find() && Integer.parseInt(matcher.group(1)) < group.size()) {
                return group.get(Integer.parseInt(matcher.group(1)));
            }
        }
        return group.get(0);
    }
}
