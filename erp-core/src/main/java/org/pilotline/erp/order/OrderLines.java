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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.pilotline.platform.tenancy.TenantOwned;

/**
 * What sales and purchase orders do alike: resolving requested lines, replacing an order's lines while keeping what
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

    /** The filter of an order list: text in the number or partner name, partner, status, an item or a line date range. */
    static Lookups.Filter listFilter(String lineEntity, String text, Long partnerId, Enum<?> status, Long itemId,
                                     LocalDate dateFrom, LocalDate dateTo) {
        String line = "exists (select l from " + lineEntity + " l where l.order = o and ";
        return new Lookups.Filter().text(text, "o.number", "o.partner.name")
                .and(partnerId != null, "o.partner.id = :partner", "partner", () -> partnerId)
                .and(status != null, "o.status = :status", "status", () -> status)
                .and(itemId != null, line + "l.item.id = :item)", "item", () -> itemId)
                .and(dateFrom != null, line + "l.date >= :dfrom)", "dfrom", () -> dateFrom)
                .and(dateTo != null, line + "l.date < :dto)", "dto", () -> dateTo);
    }

    /**
     * The order a save changes: a new one, or the stored one when the version sent is current and its status still
     * allows changes (else 409).
     */
    static <O extends OrderBase<?>> O forEdit(Class<O> type, String kind, Long id, Long version, Supplier<O> create,
                                              Function<O, ? extends Enum<?>> status, Set<? extends Enum<?>> editable) {
        if (id == null) {
            return create.get();
        }
        O order = Lookups.require(type, kind, id);
        Versions.requireCurrent(kind, id, version, order.version);
        if (!editable.contains(status.apply(order))) {
            throw DomainException.conflict("order-closed", "The order can no longer be changed",
                    kind + " " + order.number + " is " + status.apply(order));
        }
        return order;
    }

    /** The order's partner, which must have the role ("customer", "supplier"); else 400 naming the field. */
    static Partner partner(String role, Long partnerId, String field, Predicate<Partner> hasRole) {
        Partner partner = Lookups.reference(Partner.class, Character.toUpperCase(role.charAt(0)) + role.substring(1),
                partnerId, field);
        if (!hasRole.test(partner)) {
            throw DomainException.invalid("invalid-order", "The partner is not a " + role,
                    new FieldError(field, "partner '" + partner.code + "' is not a " + role));
        }
        return partner;
    }

    /**
     * The order's number: the one requested or the next of the series for a new order, unchanged for a stored one
     * (400 when a change is asked for); 409 when another order has it.
     */
    static String number(OrderBase<?> order, Long id, String requested, Supplier<String> next, String kind,
                         Function<String, PanacheQuery<? extends TenantOwned>> byNumber) {
        String number = id == null ? (requested == null || requested.isBlank() ? next.get() : requested) : order.number;
        if (id != null && requested != null && !requested.equals(order.number)) {
            throw DomainException.invalid("invalid-order", "The order number cannot change",
                    new FieldError("number", "is " + order.number));
        }
        Lookups.requireFree(byNumber.apply(number), kind, number, id);
        return number;
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
     * Writes the header and replaces the lines of a new or changed order. A line that goods have already moved for
     * stays, with the same item and unit and at least the quantity moved; its fulfilled quantity is kept.
     */
    static <L extends OrderLineBase> void save(OrderBase<L> order, boolean isNew, Header header, List<Resolved> lines,
                                               Supplier<L> newLine) {
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
            L line = newLine.get();
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
    static <L extends OrderLineBase> void fulfil(OrderBase<L> order, FulfilmentRequest request, MoveType type,
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
            Lookups.reference(Location.class, "Location", f.locationId(), field + ".locationId");
            BigDecimal inStockUnit = units.convert(f.quantity(), line.unit.id, line.item.stockUnit.id, line.item.id,
                    field + ".quantity");
            MoveRequest move = new MoveRequest(type, reason, line.item.id, inStockUnit, null,
                    type == MoveType.ISSUE ? f.locationId() : null, type == MoveType.RECEIPT ? f.locationId() : null,
                    f.lotNumber(), f.lotExpiresOn(), order.number + "/" + line.lineNo, null,
                    request.requestId() == null ? null : request.requestId() + "/" + i);
            ledger.apply(inventory.resolve(move, username));
            line.fulfilledQuantity = line.fulfilledQuantity.add(f.quantity());
        }
    }

    /** The lines' ordered and fulfilled quantities, for the status rules. */
    static <L extends OrderLineBase> List<OrderRules.Fulfilment> fulfilment(OrderBase<L> order) {
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
