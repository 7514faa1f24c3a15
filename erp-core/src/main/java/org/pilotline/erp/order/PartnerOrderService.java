package org.pilotline.erp.order;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.inventory.StockMove;
import org.pilotline.erp.order.OrderDtos.FulfilmentRequest;
import org.pilotline.erp.order.OrderDtos.FulfilmentResult;
import org.pilotline.erp.order.OrderDtos.LineRequest;
import org.pilotline.erp.partner.Partner;
import org.pilotline.erp.unit.UnitService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Retry;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The use cases that sales and purchase orders share, written once: list, read, enter or change (header and lines),
 * status transitions, and moving goods for lines through the stock ledger. A subclass is one kind of order: its
 * {@link Kind}, its entity and its records, and how its request names the partner.
 *
 * @param <O> the order entity
 * @param <L> its line entity
 * @param <S> its status
 * @param <R> the request that enters or changes it
 * @param <V> its view
 */
public abstract class PartnerOrderService<O extends OrderBase<L, S>, L extends OrderLineBase, S extends Enum<S>, R, V> {

    private static final Map<String, String> SORTABLE = Map.of("number", "number", "orderDate", "orderDate", "status", "status");

    /**
     * What sets one kind of partner order apart: its name in messages, its number series, the partner's role, its
     * lifecycle, the stock move that fulfils a line, and how fulfilling it in the wrong status is refused.
     */
    record Kind<S extends Enum<S>>(String name, String series, String partnerRole, Predicate<Partner> partnerHasRole,
                                   OrderRules.Lifecycle<S> lifecycle, MoveType move, MoveReason reason,
                                   Refusal notFulfillable) {
    }

    /** The 409 for goods moved against an order whose status does not allow it ("shipped", "confirm it first"). */
    record Refusal(String type, String participle, String firstStep) {
    }

    /** A request of either kind, with the partner under one name. */
    record Requested(String number, Long partnerId, LocalDate orderDate, String currency, String note,
                     List<LineRequest> lines, Long version) {
    }

    /** The entity's static Panache finder, which only the concrete entity class has. */
    @FunctionalInterface
    interface Finder<O> {
        PanacheQuery<O> find(String query, Sort sort, Map<String, Object> parameters);
    }

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    UnitService units;

    @Inject
    DocumentNumbers numbers;

    @Inject
    PlantClock clock;

    @Inject
    InventoryService inventory;

    @Inject
    StockLedger ledger;

    private final Kind<S> kind;
    private final Class<O> type;
    private final Class<L> lineType;
    private final Supplier<O> create;
    private final Finder<O> finder;
    private final Function<O, V> view;

    PartnerOrderService(Kind<S> kind, Class<O> type, Class<L> lineType, Supplier<O> create, Finder<O> finder,
                        Function<O, V> view) {
        this.kind = kind;
        this.type = type;
        this.lineType = lineType;
        this.create = create;
        this.finder = finder;
        this.view = view;
    }

    /** The request in the shape both kinds share. */
    abstract Requested requested(R request);

    /** A new order has just been entered (saved, in the entering transaction); nothing happens by default. */
    void entered(O order) {
    }

    /** Refuses lines this kind of order cannot have; every line is fine by default. */
    void checkLines(List<OrderLines.Resolved> lines) {
    }

    /** Filtered by text in the number or partner name, partner, status, an item or a range of line dates. */
    public Page<V> listOrders(PageRequest page, String text, Long partnerId, S status, Long itemId,
                              LocalDate dateFrom, LocalDate dateTo) {
        tenant.requireEnterprise();
        String line = "exists (select l from " + lineType.getSimpleName() + " l where l.order = o and ";
        var filter = new Lookups.Filter().text(text, "o.number", "o.partner.name")
                .and(partnerId != null, "o.partner.id = :partner", "partner", () -> partnerId)
                .and(status != null, "o.status = :status", "status", () -> status)
                .and(itemId != null, line + "l.item.id = :item)", "item", () -> itemId)
                .and(dateFrom != null, line + "l.date >= :dfrom)", "dfrom", () -> dateFrom)
                .and(dateTo != null, line + "l.date < :dto)", "dto", () -> dateTo);
        return Lookups.page(finder.find("from " + type.getSimpleName() + " o where " + filter.where(),
                page.toSort(SORTABLE, "id"), filter.parameters()), page, view);
    }

    public V getOrder(long id) {
        tenant.requireEnterprise();
        return view.apply(Lookups.require(type, kind.name(), id));
    }

    /** Enters a new order (in the lifecycle's first status) or changes one whose status still allows it. */
    @Transactional
    public V saveOrder(Long id, R request) {
        tenant.requireEnterprise();
        Requested r = requested(request);
        O order = forEdit(id, r.version());
        Partner partner = partner(r.partnerId());
        List<OrderLines.Resolved> lines = OrderLines.resolve(r.lines(), units);
        checkLines(lines);
        String number = number(order, id, r.number());
        OrderLines.save(order, id == null, new OrderLines.Header(number, partner,
                r.orderDate() == null ? clock.today() : r.orderDate(), r.currency(), r.note()), lines);
        if (id == null) {
            entered(order);
        }
        return view.apply(order);
    }

    /** Moves the order to {@code target} when its lifecycle allows that from where it is; else 409. */
    @Transactional
    public V changeStatus(long id, S target) {
        tenant.requireEnterprise();
        O order = Lookups.require(type, kind.name(), id);
        if (!kind.lifecycle().mayGo().test(order.status(), target)) {
            throw DomainException.conflict("invalid-transition", "The order cannot go to " + target,
                    kind.name() + " " + order.number + " is " + order.status() + " and cannot become " + target);
        }
        order.moveTo(target);
        Versions.bump(order);
        Versions.flush(order);
        return view.apply(order);
    }

    /**
     * Moves the goods of some lines through the stock ledger and records them on the lines, all or nothing, in a
     * transaction of its own that is retried on deadlock. A request id already applied is answered as a replay.
     */
    FulfilmentResult<V> fulfil(long id, FulfilmentRequest request) {
        tenant.requireEnterprise();
        if (request.requestId() != null && StockMove.count("requestId", request.requestId() + "/0") > 0) {
            return new FulfilmentResult<>(getOrder(id), true);
        }
        String username = caller.username();
        return Retry.inNewTransaction(() -> {
            O order = Lookups.require(type, kind.name(), id);
            if (!kind.lifecycle().fulfillable().contains(order.status())) {
                Refusal refusal = kind.notFulfillable();
                throw DomainException.conflict(refusal.type(), "The order cannot be " + refusal.participle(),
                        kind.name() + " " + order.number + " is " + order.status() + "; " + refusal.firstStep());
            }
            OrderLines.fulfil(order, request, kind.move(), kind.reason(), username, inventory, ledger, units);
            order.moveTo(kind.lifecycle().afterFulfilment().apply(OrderLines.fulfilment(order)));
            Versions.bump(order);
            Versions.flush(order);
            return new FulfilmentResult<>(view.apply(order), false);
        });
    }

    /**
     * The order a save changes: a new one, or the stored one when the version sent is current and its status still
     * allows changes (else 409).
     */
    private O forEdit(Long id, Long version) {
        if (id == null) {
            O created = create.get();
            created.moveTo(kind.lifecycle().initial());
            return created;
        }
        O order = Lookups.require(type, kind.name(), id);
        Versions.requireCurrent(kind.name(), id, version, order.version);
        if (!kind.lifecycle().editable().contains(order.status())) {
            throw DomainException.conflict("order-closed", "The order can no longer be changed",
                    kind.name() + " " + order.number + " is " + order.status());
        }
        return order;
    }

    /** The order's partner, which must have the kind's role ("customer", "supplier"); else 400 naming the field. */
    private Partner partner(Long partnerId) {
        String role = kind.partnerRole();
        String field = role + "Id";
        Partner partner = Lookups.reference(Partner.class, Character.toUpperCase(role.charAt(0)) + role.substring(1),
                partnerId, field);
        if (!kind.partnerHasRole().test(partner)) {
            throw DomainException.invalid("invalid-order", "The partner is not a " + role,
                    new FieldError(field, "partner '" + partner.code + "' is not a " + role));
        }
        return partner;
    }

    /**
     * The order's number: the one requested or the next of the series for a new order, unchanged for a stored one
     * (400 when a change is asked for); 409 when another order has it.
     */
    private String number(O order, Long id, String requested) {
        String number = id == null
                ? (requested == null || requested.isBlank() ? numbers.next(kind.series()) : requested)
                : order.number;
        if (id != null && requested != null && !requested.equals(order.number)) {
            throw DomainException.invalid("invalid-order", "The order number cannot change",
                    new FieldError("number", "is " + order.number));
        }
        Lookups.requireFree(finder.find("number = :number", Sort.by("id"), Map.of("number", number)), kind.name(), number, id);
        return number;
    }
}
