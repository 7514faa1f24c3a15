package org.pilotline.erp.excel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.Location;
import org.pilotline.erp.inventory.Lot;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockBalance;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.inventory.Warehouse;
import org.pilotline.erp.inventory.InventoryDtos.MoveRequest;
import org.pilotline.erp.item.Item;
import org.pilotline.platform.security.Caller;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The opening-stock sheet: the quantity each item should have at a location (and lot). Importing sets the balance to
 * it through the ledger — a receipt for what is missing, a count correction for what is too much — so importing the
 * same figures again moves nothing. Missing warehouses and locations are created by code.
 */
@ApplicationScoped
public class OpeningStockSheet implements SheetHandler {

    private static final Map<String, String> FIELDS = Map.of("quantity", "quantity", "lotNumber", "lot",
            "itemId", "item", "toLocationId", "location", "fromLocationId", "location");

    @Inject
    InventoryService inventory;

    @Inject
    StockLedger ledger;

    @Inject
    Caller caller;

    @Override
    public SheetSpec spec() {
        return SheetSpec.OPENING_STOCK;
    }

    @Override
    public List<Row> export() {
        List<Row> rows = new ArrayList<>();
        // a left join: balances without a lot must not drop out of the ordering
        for (StockBalance b : StockBalance.<StockBalance>list("select b from StockBalance b left join b.lot l "
                + "where b.quantity <> ?1 order by b.item.code, b.location.warehouse.code, b.location.code, "
                + "l.lotNumber nulls first", BigDecimal.ZERO)) {
            Map<String, String> v = new HashMap<>();
            v.put("item", b.item.code);
            v.put("warehouse", b.location.warehouse.code);
            v.put("location", b.location.code);
            v.put("lot", b.lot == null ? null : b.lot.lotNumber);
            v.put("quantity", Canon.decimal(b.quantity));
            v.put("expiresOn", b.lot == null ? null : Canon.date(b.lot.expiresOn));
            rows.add(new Row(0, v));
        }
        return rows;
    }

    @Override
    public void apply(WorkbookReader.ParsedSheet sheet, ImportRun run) {
        Map<String, Integer> seen = new HashMap<>();
        String username = caller.username();
        for (Row row : sheet.rows()) {
            if (run.hasProblems(row)) {
                continue;
            }
            String key = row.text("item") + "|" + row.text("warehouse") + "|" + row.text("location") + "|" + row.text("lot");
            Integer first = seen.putIfAbsent(key, row.number());
            if (first != null) {
                run.problem(row, "item", "the same item, location and lot are already in row " + first);
                continue;
            }
            Optional<Item> item = Item.findByCode(row.text("item"));
            if (item.isEmpty()) {
                run.problem(row, "item", "no item '" + row.text("item") + "'");
                continue;
            }
            if (row.decimal("quantity").signum() < 0 && !item.get().allowNegativeStock) {
                run.problem(row, "quantity", "must not be negative for item '" + item.get().code + "'");
                continue;
            }
            if (!run.writable()) {
                continue; // nothing more is written once a row was refused; its cells were already checked
            }
            Location location = location(row.text("warehouse"), row.text("location"));
            BigDecimal current = current(item.get(), location, row.text("lot"));
            BigDecimal delta = row.decimal("quantity").subtract(current);
            if (delta.signum() == 0) {
                run.unchanged();
                continue;
            }
            MoveRequest move = delta.signum() > 0
                    ? new MoveRequest(MoveType.RECEIPT, MoveReason.OPENING_BALANCE, item.get().id, delta, null, null,
                    location.id, row.text("lot"), row.date("expiresOn"), "opening stock import", null, null)
                    : new MoveRequest(MoveType.ADJUSTMENT, MoveReason.COUNT_CORRECTION, item.get().id, delta.negate(), null,
                    location.id, null, row.text("lot"), null, "opening stock import", null, null);
            if (!run.valid(move, List.of(row), FIELDS, "quantity") || !run.writable()) {
                continue;
            }
            try {
                ledger.apply(inventory.resolve(move, username));
                if (current.signum() == 0) {
                    run.created();
                } else {
                    run.updated();
                }
            } catch (DomainException refusal) {
                run.refused(row, refusal, FIELDS, "quantity");
            }
        }
    }

    private static BigDecimal current(Item item, Location location, String lotNumber) {
        Optional<Lot> lot = lotNumber == null ? Optional.empty()
                : Lot.find("item = ?1 and lotNumber = ?2", item, lotNumber).firstResultOptional();
        if (lotNumber != null && lot.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return StockBalance.<StockBalance>find("item = ?1 and location = ?2 and " + (lot.isEmpty() ? "lot is null" : "lot = ?3"),
                        lot.isEmpty() ? new Object[]{item, location} : new Object[]{item, location, lot.get()})
                .firstResultOptional().map(b -> b.quantity).orElse(BigDecimal.ZERO);
    }

    private static Location location(String warehouseCode, String locationCode) {
        Warehouse warehouse = Warehouse.<Warehouse>find("code", warehouseCode).firstResultOptional().orElseGet(() -> {
            Warehouse created = new Warehouse();
            created.code = warehouseCode;
            created.name = warehouseCode;
            created.persist();
            return created;
        });
        return Location.<Location>find("warehouse = ?1 and code = ?2", warehouse, locationCode).firstResultOptional()
                .orElseGet(() -> {
                    Location created = new Location();
                    created.warehouse = warehouse;
                    created.code = locationCode;
                    created.name = locationCode;
                    created.persist();
                    return created;
                });
    }
}
