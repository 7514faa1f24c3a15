package org.pilotline.erp.order;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.Location;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.inventory.InventoryDtos.MoveRequest;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.order.OrderDtos.FulfilmentLine;
import org.pilotline.erp.order.OrderDtos.FulfilmentRequest;
import org.pilotline.erp.order.OrderDtos.LineRequest;
import org.pilotline.erp.partner.Partner;
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

/**
 * The lines of sales and purchase orders: resolving requested lines, replacing an order's lines while keeping what
 * was already fulfilled, and moving goods for lines through the stock ledger.
 */
final class OrderLines {

    /** A requested line, checked and resolved. */
    record Resolved(int lineNo, Item item, BigDecimal quantity, Unit unit, LocalDate date, BigDecimal unitPrice) {
    }

    /** The header of a requested order. */
    record Header(String number, Partner partner, LocalDate orderDate, String currency, String note) {
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
            Item item = Lookups.reference(Item.class, "Item", l.itemId(), l.itemCode(), field + ".itemId");
            if (!item.active) {
                throw DomainException.invalid("invalid-order", "The item is inactive",
                        new FieldError(field + ".itemId", "item '" + item.code + "' is inactive"));
            }
            Unit unit = !Lookups.given(l.unitId(), l.unitCode()) ? item.stockUnit
                    : Lookups.reference(Unit.class, "Unit", l.unitId(), l.unitCode(), field + ".unitId");
            units.convert(l.quantity(), unit.id, item.stockUnit.id, item.id, field + ".unitId");
            lines.add(new Resolved(lineNo, item, l.quantity(), unit, l.date(),
                    l.unitPrice() == null ? BigDecimal.ZERO : l.unitPrice()));
        }
        return lines;
    }

    /**
     * Writes the header and replaces the lines of a new or changed order. A line that goods have already moved for
     * stays, with the same item and unit and at least the quantity moved; its fulfilled quantity is kept.
     */
    static <L extends OrderLineBase> void save(OrderBase<L, ?> order, boolean isNew, Header header, List<Resolved> lines) {
        requireFulfilledKept(order.lines(), lines);
        order.number = header.number();
        order.partner = header.partner();
        order.orderDate = header.orderDate();
        order.currency = header.currency() == null ? "CNY" : header.currency();
        order.note = header.note();
        Map<Integer, BigDecimal> fulfilled = new HashMap<>();
        order.lines().forEach(l -> fulfilled.put(l.lineNo, l.fulfilledQuantity));
        order.lines().clear();
        if (!isNew) {
            Versions.flush(order); // the old lines go before new ones with the same numbers arrive
        }
        for (Resolved resolved : lines) {
            L line = order.newLine();
            line.lineNo = resolved.lineNo();
            line.item = resolved.item();
            line.quantity = resolved.quantity();
            line.unit = resolved.unit();
            line.date = resolved.date();
            line.unitPrice = resolved.unitPrice();
            line.fulfilledQuantity = fulfilled.getOrDefault(resolved.lineNo(), BigDecimal.ZERO);
            order.lines().add(line);
        }
        order.persist();
        if (!isNew) {
            Versions.bump(order);
        }
        Versions.flush(order);
    }

    /**
     * Moves goods for some lines of an order through the stock ledger, inside the caller's transaction: all lines or
     * none. More than is open on a line is refused. Each line's move carries the reference "ORDER/LINE".
     */
    static <L extends OrderLineBase> void fulfil(OrderBase<L, ?> order, FulfilmentRequest request, MoveType type,
                                                 MoveReason reason, String username, InventoryService inventory,
                                                 StockLedger ledger, UnitService units) {
        for (int i = 0; i < request.lines().size(); i++) {
            FulfilmentLine f = request.lines().get(i);
            String field = "lines[" + i + "]";
            L line = order.lines().stream().filter(l -> l.lineNo == f.lineNo()).findFirst()
                    .orElseThrow(() -> DomainException.invalid("invalid-fulfilment", "No such line",
                            new FieldError(field + ".lineNo", "the order has no line " + f.lineNo())));
            if (line.fulfilledQuantity.add(f.quantity()).compareTo(line.quantity) > 0) {
                throw new DomainException(ProblemKind.CONFLICT, "over-fulfilment", "More than ordered",
                        "Line " + line.lineNo + ": ordered " + line.quantity.stripTrailingZeros().toPlainString() + " "
                                + line.unit.code + ", done " + line.fulfilledQuantity.stripTrailingZeros().toPlainString()
                                + ", this request " + f.quantity().stripTrailingZeros().toPlainString(),
                        List.of(new FieldError(field + ".quantity", "exceeds the open quantity")), Map.of());
            }
            Location location = Location.reference(f.locationId(), f.locationCode(), field + ".locationId");
            BigDecimal inStockUnit = units.convert(f.quantity(), line.unit.id, line.item.stockUnit.id, line.item.id,
                    field + ".quantity");
            MoveRequest move = new MoveRequest(type, reason, line.item.id, inStockUnit, null,
                    type == MoveType.ISSUE ? location.id : null, type == MoveType.RECEIPT ? location.id : null,
                    f.lotNumber(), f.lotExpiresOn(), order.number + "/" + line.lineNo, null,
                    request.requestId() == null ? null : request.requestId() + "/" + i);
            ledger.apply(inventory.resolve(move, username));
            line.fulfilledQuantity = line.fulfilledQuantity.add(f.quantity());
        }
    }

    /** The lines' ordered and fulfilled quantities, for the status rules. */
    static List<OrderRules.Fulfilment> fulfilment(OrderBase<?, ?> order) {
        return order.lines().stream().map(l -> new OrderRules.Fulfilment(l.quantity, l.fulfilledQuantity)).toList();
    }

    private static <L extends OrderLineBase> void requireFulfilledKept(List<L> existing, List<Resolved> requested) {
        Map<Integer, Resolved> byNumber = new HashMap<>();
        requested.forEach(r -> byNumber.put(r.lineNo(), r));
        for (L line : existing) {
            if (line.fulfilledQuantity.signum() == 0) {
                continue;
            }
            Resolved wanted = byNumber.get(line.lineNo);
            if (wanted == null || !wanted.item().id.equals(line.item.id) || !wanted.unit().id.equals(line.unit.id)
                    || wanted.quantity().compareTo(line.fulfilledQuantity) < 0) {
                throw new DomainException(ProblemKind.CONFLICT, "line-fulfilled", "A line has goods moved already",
                        "Line " + line.lineNo + " has " + line.fulfilledQuantity.stripTrailingZeros().toPlainString() + " "
                                + line.unit.code + " moved: it stays, with the same item and unit and at least that quantity",
                        List.of(new FieldError("lines", "line " + line.lineNo + " is partly fulfilled")), Map.of());
            }
        }
    }
}
