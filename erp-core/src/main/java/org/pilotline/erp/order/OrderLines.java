package org.pilotline.erp.order;

import org.pilotline.erp.common.DomainException;
import org.pilotline.erp.common.FieldError;
import org.pilotline.erp.common.Lookups;
import org.pilotline.erp.common.ProblemKind;
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.Location;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.inventory.dto.InventoryDtos.MoveRequest;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.order.dto.OrderDtos.FulfilmentLine;
import org.pilotline.erp.order.dto.OrderDtos.LineRequest;
import org.pilotline.erp.unit.Unit;
import org.pilotline.erp.unit.UnitService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Line handling that sales and purchase orders share: resolving requested lines, and moving goods for them. */
final class OrderLines {

    /** A requested line, checked and resolved. */
    record Resolved(int lineNo, Item item, BigDecimal quantity, Unit unit, LocalDate date, BigDecimal unitPrice) {
    }

    private OrderLines() {
    }

    static List<Resolved> resolve(List<LineRequest> requested, UnitService units) {
        List<Resolved> lines = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest l = requested.get(i);
            String field = "lines[" + i + "]";
            int lineNo = l.lineNo() == null ? (i + 1) * 10 : l.lineNo();
            if (!numbers.add(lineNo)) {
                throw DomainException.invalid("invalid-order", "A line number is used twice",
                        new FieldError(field + ".lineNo", "is used twice"));
            }
            Item item = Lookups.reference(Item.class, "Item", l.itemId(), field + ".itemId");
            if (!item.active) {
                throw DomainException.invalid("invalid-order", "The item is inactive",
                        new FieldError(field + ".itemId", "item '" + item.code + "' is inactive"));
            }
            Unit unit = l.unitId() == null ? item.stockUnit : Lookups.reference(Unit.class, "Unit", l.unitId(), field + ".unitId");
            units.convert(l.quantity(), unit.id, item.stockUnit.id, item.id, field + ".unitId");
            lines.add(new Resolved(lineNo, item, l.quantity(), unit, l.date(),
                    l.unitPrice() == null ? BigDecimal.ZERO : l.unitPrice()));
        }
        return lines;
    }

    /**
     * Refuses changing or removing a line beyond what has already been fulfilled: its item stays, and its quantity
     * cannot drop below the fulfilled quantity.
     */
    static <L extends OrderLineBase> void requireFulfilledKept(List<L> existing, List<Resolved> requested,
                                                                Function<L, BigDecimal> fulfilled) {
        Map<Integer, Resolved> byNumber = new HashMap<>();
        requested.forEach(r -> byNumber.put(r.lineNo(), r));
        for (L line : existing) {
            BigDecimal done = fulfilled.apply(line);
            if (done.signum() == 0) {
                continue;
            }
            Resolved wanted = byNumber.get(line.lineNo);
            if (wanted == null || !wanted.item().id.equals(line.item.id) || !wanted.unit().id.equals(line.unit.id)
                    || wanted.quantity().compareTo(done) < 0) {
                throw new DomainException(ProblemKind.CONFLICT, "line-fulfilled", "A line has goods moved already",
                        "Line " + line.lineNo + " has " + done.stripTrailingZeros().toPlainString() + " " + line.unit.code
                                + " moved: it stays, with the same item and unit and at least that quantity",
                        List.of(new FieldError("lines", "line " + line.lineNo + " is partly fulfilled")), Map.of());
            }
        }
    }

    /**
     * Moves goods for one fulfilment line through the stock ledger, inside the caller's transaction, and returns the
     * quantity in the order line's unit. Over-fulfilment is refused.
     */
    static <L extends OrderLineBase> void fulfil(L line, BigDecimal alreadyFulfilled, FulfilmentLine request, String field,
                                                 MoveType type, MoveReason reason, String reference, String requestId,
                                                 InventoryService inventory, StockLedger ledger, UnitService units,
                                                 String username) {
        if (alreadyFulfilled.add(request.quantity()).compareTo(line.quantity) > 0) {
            throw new DomainException(ProblemKind.CONFLICT, "over-fulfilment", "More than ordered",
                    "Line " + line.lineNo + ": ordered " + line.quantity.stripTrailingZeros().toPlainString() + " "
                            + line.unit.code + ", done " + alreadyFulfilled.stripTrailingZeros().toPlainString()
                            + ", this request " + request.quantity().stripTrailingZeros().toPlainString(),
                    List.of(new FieldError(field + ".quantity", "exceeds the open quantity")), Map.of());
        }
        Lookups.reference(Location.class, "Location", request.locationId(), field + ".locationId");
        BigDecimal inStockUnit = units.convert(request.quantity(), line.unit.id, line.item.stockUnit.id, line.item.id, field + ".quantity");
        MoveRequest move = new MoveRequest(type, reason, line.item.id, inStockUnit, null,
                type == MoveType.ISSUE ? request.locationId() : null, type == MoveType.RECEIPT ? request.locationId() : null,
                request.lotNumber(), request.lotExpiresOn(), reference, null, requestId);
        ledger.apply(inventory.resolve(move, username));
    }
}
