package org.pilotline.erp.excel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.routing.Routing;
import org.pilotline.erp.routing.RoutingAlternative;
import org.pilotline.erp.routing.RoutingOperation;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.erp.routing.RoutingRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing sheet: one row per operation; rows with the same item and revision make one routing. Alternative work
 * centers are written in one cell as {@code code:runMinutes[:setupMinutes]} separated by semicolons.
 */
@ApplicationScoped
public class RoutingSheet implements SheetHandler {

    private static final List<String> HEADER = List.of("validFrom", "validTo");
    private static final Map<String, String> DEFAULTS = Map.of("setupMinutes", "0");
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("itemId", "item"),
            Map.entry("workCenterId", "workCenter"), Map.entry("operationNo", "operationNo"), Map.entry("validFrom", "validFrom"),
            Map.entry("validTo", "validTo"), Map.entry("revision", "revision"), Map.entry("runMinutes", "runMinutes"),
            Map.entry("setupMinutes", "setupMinutes"), Map.entry("transferQuantity", "transferQuantity"),
            Map.entry("name", "name"), Map.entry("operations", "operationNo"));

    @Inject
    RoutingService routings;

    @Override
    public SheetSpec spec() {
        return SheetSpec.ROUTINGS;
    }

    @Override
    public List<Row> export() {
        List<Row> rows = new ArrayList<>();
        for (Routing routing : Routing.<Routing>list("order by item.code, revision")) {
            rows.addAll(rows(routing));
        }
        return rows;
    }

    static List<Row> rows(Routing r) {
        List<Row> rows = new ArrayList<>();
        for (RoutingOperation op : r.operations) {
            Map<String, String> v = new HashMap<>();
            v.put("item", r.item.code);
            v.put("revision", r.revision);
            v.put("validFrom", Canon.date(r.validFrom));
            v.put("validTo", Canon.date(r.validTo));
            v.put("operationNo", String.valueOf(op.operationNo));
            v.put("name", op.name);
            v.put("workCenter", op.workCenter.code);
            v.put("setupMinutes", Canon.decimal(op.setupMinutes));
            v.put("runMinutes", Canon.decimal(op.runMinutes));
            v.put("transferQuantity", Canon.decimal(op.transferQuantity));
            v.put("alternatives", op.alternatives.isEmpty() ? null : String.join(";", op.alternatives.stream()
                    .sorted(Comparator.comparing(a -> a.workCenter.code))
                    .map(RoutingSheet::alternative).toList()));
            rows.add(new Row(0, v));
        }
        return rows;
    }

    private static String alternative(RoutingAlternative a) {
        return a.workCenter.code + ":" + Canon.decimal(a.runMinutes) + ":" + Canon.decimal(a.setupMinutes);
    }

    @Override
    public void apply(WorkbookReader.ParsedSheet sheet, ImportRun run) {
        Groups.by(sheet.rows(), r -> r.text("item") + "\u0000" + r.text("revision")).forEach((key, group) -> {
            if (group.stream().anyMatch(run::hasProblems) || !Groups.headersAgree(group, HEADER, run)) {
                return;
            }
            Row first = group.get(0);
            Optional<Item> item = Item.findByCode(first.text("item"));
            if (item.isEmpty()) {
                group.forEach(row -> run.problem(row, "item", "no item '" + first.text("item") + "'"));
                return;
            }
            List<RoutingRequest.Operation> operations = new ArrayList<>();
            List<Row> normalised = new ArrayList<>();
            boolean resolved = true;
            for (Row row : group) {
                Optional<WorkCenter> center = WorkCenter.find("code", row.text("workCenter")).firstResultOptional();
                if (center.isEmpty()) {
                    run.problem(row, "workCenter", "no work center '" + row.text("workCenter") + "'");
                    resolved = false;
                    continue;
                }
                List<RoutingRequest.Alternative> alternatives = new ArrayList<>();
                List<String> canonical = new ArrayList<>();
                BigDecimal setup = row.decimal("setupMinutes") == null ? BigDecimal.ZERO : row.decimal("setupMinutes");
                if (row.has("alternatives")) {
                    for (String part : row.text("alternatives").split(";")) {
                        String[] fields = part.trim().split(":");
                        Optional<WorkCenter> alt = WorkCenter.find("code", fields[0].trim()).firstResultOptional();
                        try {
                            if (fields.length < 2 || fields.length > 3 || alt.isEmpty()) {
                                throw new IllegalArgumentException();
                            }
                            BigDecimal run2 = new BigDecimal(fields[1].trim());
                            BigDecimal setup2 = fields.length == 3 ? new BigDecimal(fields[2].trim()) : setup;
                            alternatives.add(new RoutingRequest.Alternative(alt.get().id, setup2, run2));
                            canonical.add(alt.get().code + ":" + Canon.decimal(run2) + ":" + Canon.decimal(setup2));
                        } catch (IllegalArgumentException e) {
                            run.problem(row, "alternatives", "'" + part.trim() + "' is not code:runMinutes[:setupMinutes]"
                                    + (alt.isEmpty() ? " of a known work center" : ""));
                            resolved = false;
                        }
                    }
                }
                canonical.sort(Comparator.naturalOrder());
                Map<String, String> values = new HashMap<>(row.values());
                values.put("alternatives", canonical.isEmpty() ? null : String.join(";", canonical));
                normalised.add(new Row(row.number(), values));
                operations.add(new RoutingRequest.Operation(row.integer("operationNo"), row.text("name"), center.get().id,
                        row.decimal("setupMinutes"), row.decimal("runMinutes"), row.decimal("transferQuantity"), alternatives));
            }
            if (!resolved) {
                return;
            }
            Optional<Routing> existing = Routing.find("item = ?1 and revision = ?2", item.get(), first.text("revision")).firstResultOptional();
            if (existing.isPresent() && Groups.same(spec(), rows(existing.get()), normalised, DEFAULTS,
                    row -> new HashMap<>(row.values()))) {
                run.unchanged();
                return;
            }
            RoutingRequest request = new RoutingRequest(item.get().id, first.text("revision"), first.date("validFrom"),
                    first.date("validTo"), operations, existing.map(r -> r.version).orElse(null));
            if (!run.valid(request, group, FIELDS, "item") || !run.writable()) {
                return;
            }
            try {
                routings.saveRouting(existing.map(r -> r.id).orElse(null), request);
                if (existing.isPresent()) {
                    run.updated();
                } else {
                    run.created();
                }
            } catch (DomainException refusal) {
                run.refused(BomSheet.rowOf(group, refusal), refusal, FIELDS, "item");
            }
        });
    }
}
