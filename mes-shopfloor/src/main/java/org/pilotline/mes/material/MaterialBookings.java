package org.pilotline.mes.material;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.pilotline.erp.inventory.Location;
import org.pilotline.erp.inventory.Lot;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockBalance;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.inventory.StockMove;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Tracking;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stock side of a report, inside the report's transaction: components backflushed from the work center's staging
 * location (scanned lots first, then first-expired-first-out), the good quantity of the last operation received as the
 * work order's lot (recipes: every co- and by-product too), and the genealogy that links them. Every move goes through
 * erp-core's ledger, so balances and ledger stay equal and the item's negative-stock rule holds.
 */
@ApplicationScoped
public class MaterialBookings {

    /** What a report is booking: all ids resolved by the caller. */
    public record BookingRequest(long workOrderId, String workOrderNumber, long producedItemId, long reportId, String clientId, String username,
                                  List<Backflush.Requirement> components, Long stagingLocationId,
                                  List<Receipt> receipts, Long receiptLocationId, List<ScannedLot> scanned,
                                  List<String> serials) {
    }

    /** An output to receive: item and quantity in its stock unit. */
    public record Receipt(long itemId, BigDecimal quantity) {
    }

    public record Booked(List<StockBooking> consumed, List<StockBooking> received, boolean negativeStock) {
    }

    @Inject
    StockLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Transactional(Transactional.TxType.MANDATORY)
    public Booked book(BookingRequest request) {
        List<StockBooking> consumed = new ArrayList<>();
        List<ConsumedLot> genealogySources = new ArrayList<>();
        Map<Long, Lot> workOrderLots = new java.util.HashMap<>();
        boolean negative = false;
        int moveNo = 0;
        if (!request.components().isEmpty()) {
            Location staging = requireLocation(request.stagingLocationId(), "staging");
            // lots are picked from what is staged: hold each component's stock at staging before reading it, in the
            // ledger's order, so that a concurrent report cannot take the same lot between the picking and the move
            request.components().stream().map(Backflush.Requirement::itemId).distinct().sorted()
                    .forEach(itemId -> ledger.hold(em.find(Item.class, itemId), staging));
            for (Backflush.Requirement requirement : request.components()) {
                Item item = em.find(Item.class, requirement.itemId());
                List<LotPicker.Allocation> allocations = new ArrayList<>(scannedAllocations(item, staging, request.scanned()));
                BigDecimal open = requirement.quantity().subtract(sum(allocations));
                if (open.signum() > 0) {
                    Set<Long> scannedLots = new HashSet<>();
                    allocations.forEach(a -> scannedLots.add(a.lotId()));
                    LotPicker.Picking picking = LotPicker.pick(available(item, staging).stream()
                            .filter(a -> a.lotId() == null || !scannedLots.contains(a.lotId())).toList(), open);
                    allocations.addAll(picking.allocations());
                    if (picking.shortage().signum() > 0) {
                        negative = true;
                        allocations.add(shortfall(item, staging, picking, allocations, requirement.quantity()));
                    }
                }
                for (LotPicker.Allocation allocation : merge(allocations)) {
                    Lot lot = allocation.lotId() == null ? null : em.find(Lot.class, allocation.lotId());
                    StockMove move = ledger.apply(new StockLedger.Move(item, allocation.quantity(), MoveType.ISSUE,
                            MoveReason.PRODUCTION_ISSUE, staging, null, lot, request.workOrderNumber(), null,
                            request.username(), requestId(request.clientId(), ++moveNo)));
                    consumed.add(new StockBooking(item.id, item.code, lot == null ? null : lot.lotNumber, allocation.quantity(),
                            staging.id, move.id));
                    genealogySources.add(new ConsumedLot(item.id, lot == null ? null : lot.id, allocation.quantity()));
                }
            }
        }
        if (!genealogySources.isEmpty()) {
            Item produced = em.find(Item.class, request.producedItemId());
            Lot into = produced.tracking == Tracking.LOT ? workOrderLot(produced, request, workOrderLots) : null;
            link(request, produced.id, into, BigDecimal.ONE, genealogySources);
        }
        List<StockBooking> received = new ArrayList<>();
        if (!request.receipts().isEmpty()) {
            Location into = requireLocation(request.receiptLocationId(), "receipt");
            for (Receipt receipt : request.receipts()) {
                Item item = em.find(Item.class, receipt.itemId());
                for (OutputLot output : outputLots(item, request, receipt.quantity(), workOrderLots)) {
                    StockMove move = ledger.apply(new StockLedger.Move(item, output.quantity(), MoveType.RECEIPT,
                            MoveReason.PRODUCTION_RECEIPT, null, into, output.lot(), request.workOrderNumber(), null,
                            request.username(), requestId(request.clientId(), ++moveNo)));
                    received.add(new StockBooking(item.id, item.code, output.lot() == null ? null : output.lot().lotNumber,
                            output.quantity(), into.id, move.id));
                    boolean linkedAtConsumption = item.id == request.producedItemId() && item.tracking != Tracking.SERIAL;
                    if (!linkedAtConsumption) {
                        link(request, item.id, output.lot(), output.quantity().divide(receipt.quantity(), 12,
                                RoundingMode.HALF_UP), genealogySources);
                    }
                }
            }
        }
        return new Booked(consumed, received, negative);
    }

    private record ConsumedLot(long itemId, Long lotId, BigDecimal quantity) {
    }

    private record OutputLot(Lot lot, BigDecimal quantity) {
    }

    /**
     * Genealogy. What any operation consumes is linked when it is consumed to the work order's lot of its product (one
     * lot per work order for a lot-tracked product; the work order alone for an untracked one), so the product's lot
     * holds everything of every operation. Co- and by-products and serial numbers are linked at their receipt to what
     * the receiving report consumed, each in proportion to its share of the output.
     */
    private void link(BookingRequest request, long producedItem, Lot producedLot, BigDecimal share,
                      List<ConsumedLot> sources) {
        for (ConsumedLot source : sources) {
            em.createNativeQuery("insert into mes_genealogy (tenant_id, produced_item_id, produced_lot_id,"
                            + " consumed_item_id, consumed_lot_id, quantity, work_order_id, report_id)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, tenant.requireEnterprise()).setParameter(2, producedItem)
                    .setParameter(3, producedLot == null ? null : producedLot.id).setParameter(4, source.itemId())
                    .setParameter(5, source.lotId())
                    .setParameter(6, source.quantity().multiply(share).setScale(6, RoundingMode.HALF_UP))
                    .setParameter(7, request.workOrderId()).setParameter(8, request.reportId())
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("mes_genealogy").executeUpdate();
        }
    }

    /** The work order's lot of this output (created on first receipt), or one lot per serial number. */
    private List<OutputLot> outputLots(Item item, BookingRequest request, BigDecimal quantity, Map<Long, Lot> workOrderLots) {
        if (item.tracking == Tracking.NONE) {
            return List.of(new OutputLot(null, quantity));
        }
        if (item.tracking == Tracking.SERIAL) {
            List<String> serials = request.serials() == null ? List.of() : request.serials();
            if (quantity.stripTrailingZeros().scale() > 0 || serials.size() != quantity.intValueExact()) {
                throw DomainException.invalid("serials-required", "Give one serial number per good piece",
                        new FieldError("serials", "item '" + item.code + "' is tracked by serial number: "
                                + quantity.stripTrailingZeros().toPlainString() + " good piece(s) need as many serial numbers, got "
                                + serials.size()));
            }
            List<OutputLot> lots = new ArrayList<>();
            for (String serial : serials) {
                lots.add(new OutputLot(createLot(item, serial), BigDecimal.ONE));
            }
            return lots;
        }
        return List.of(new OutputLot(workOrderLot(item, request, workOrderLots), quantity));
    }

    /** {@code lots}: the work order's lots already found in this booking, by item (one look-up per output, not two). */
    private Lot workOrderLot(Item item, BookingRequest request, Map<Long, Lot> lots) {
        return lots.computeIfAbsent(item.id, id -> findOrCreateWorkOrderLot(item, request));
    }

    private Lot findOrCreateWorkOrderLot(Item item, BookingRequest request) {
        List<?> existing = em.createNativeQuery("select lot_id from mes_output_lot where work_order_id = ?1 and item_id = ?2")
                .setParameter(1, request.workOrderId()).setParameter(2, item.id)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("mes_output_lot").getResultList();
        if (!existing.isEmpty()) {
            return em.find(Lot.class, ((Number) existing.get(0)).longValue());
        }
        Lot lot = createLot(item, request.workOrderNumber());
        em.createNativeQuery("insert into mes_output_lot (tenant_id, work_order_id, item_id, lot_id) values (?1, ?2, ?3, ?4)")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, request.workOrderId())
                .setParameter(3, item.id).setParameter(4, lot.id)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("mes_output_lot").executeUpdate();
        return lot;
    }

    private Lot createLot(Item item, String lotNumber) {
        List<Lot> existing = em.createQuery("select l from Lot l where l.item = :item and l.lotNumber = :number", Lot.class)
                .setParameter("item", item).setParameter("number", lotNumber).getResultList();
        if (!existing.isEmpty()) {
            if (item.tracking == Tracking.SERIAL) {
                throw DomainException.conflict("serial-exists", "The serial number exists",
                        "Item '" + item.code + "' already has serial number " + lotNumber, new FieldError("serials", "has " + lotNumber + " twice"));
            }
            return existing.get(0);
        }
        Lot lot = new Lot();
        lot.item = item;
        lot.lotNumber = lotNumber;
        lot.createdAt = Instant.now();
        em.persist(lot);
        return lot;
    }

    private List<LotPicker.Allocation> scannedAllocations(Item item, Location staging, List<ScannedLot> scanned) {
        List<LotPicker.Allocation> allocations = new ArrayList<>();
        if (scanned == null) {
            return allocations;
        }
        for (ScannedLot s : scanned) {
            if (s.itemId() != item.id.longValue()) {
                continue;
            }
            List<Lot> lots = em.createQuery("select l from Lot l where l.item = :item and l.lotNumber = :number", Lot.class)
                    .setParameter("item", item).setParameter("number", s.lotNumber()).getResultList();
            if (lots.isEmpty()) {
                throw DomainException.invalid("unknown-lot", "The scanned lot does not exist",
                        new FieldError("lots", "item '" + item.code + "' has no lot " + s.lotNumber()));
            }
            allocations.add(new LotPicker.Allocation(lots.get(0).id, s.lotNumber(), s.quantity()));
        }
        return allocations;
    }

    /** Stock of the item at the location: per lot for tracked items, the lot-less balance otherwise. */
    private List<LotPicker.AvailableLot> available(Item item, Location location) {
        List<StockBalance> balances = em.createQuery("select b from StockBalance b left join fetch b.lot where b.item = :item"
                        + " and b.location = :location and b.quantity > 0", StockBalance.class)
                .setParameter("item", item).setParameter("location", location).getResultList();
        List<LotPicker.AvailableLot> available = new ArrayList<>();
        for (StockBalance b : balances) {
            boolean tracked = item.tracking != Tracking.NONE;
            if (tracked != (b.lot != null)) {
                continue;
            }
            available.add(b.lot == null ? new LotPicker.AvailableLot(null, null, null, null, b.quantity)
                    : new LotPicker.AvailableLot(b.lot.id, b.lot.lotNumber, b.lot.expiresOn, b.lot.createdAt, b.quantity));
        }
        return available;
    }

    /**
     * What to do with the part no stock covers: refused (409 naming item, location and what is available) unless the
     * item may go negative, in which case it is taken from the last lot used (or the lot-less balance) and flagged.
     */
    private LotPicker.Allocation shortfall(Item item, Location staging, LotPicker.Picking picking,
                                           List<LotPicker.Allocation> allocations, BigDecimal required) {
        BigDecimal available = required.subtract(picking.shortage());
        if (!item.allowNegativeStock || (item.tracking != Tracking.NONE && allocations.isEmpty())) {
            throw new DomainException(ProblemKind.CONFLICT, "insufficient-stock", "Not enough stock to backflush",
                    "Item '" + item.code + "' at " + staging.label() + ": available " + available.stripTrailingZeros().toPlainString()
                            + ", needed " + required.stripTrailingZeros().toPlainString(),
                    List.of(new FieldError("good", "consumes more '" + item.code + "' than is staged at " + staging.label())),
                    Map.of("itemCode", item.code, "location", staging.label(),
                            "available", available.stripTrailingZeros(), "required", required.stripTrailingZeros()));
        }
        LotPicker.Allocation last = allocations.isEmpty() ? null : allocations.get(allocations.size() - 1);
        return new LotPicker.Allocation(last == null ? null : last.lotId(), last == null ? null : last.lotNumber(),
                picking.shortage());
    }

    /** One move per lot, however the allocations were found. */
    private static List<LotPicker.Allocation> merge(List<LotPicker.Allocation> allocations) {
        Map<Long, LotPicker.Allocation> byLot = new java.util.LinkedHashMap<>();
        for (LotPicker.Allocation a : allocations) {
            byLot.merge(a.lotId() == null ? -1L : a.lotId(), a,
                    (x, y) -> new LotPicker.Allocation(x.lotId(), x.lotNumber(), x.quantity().add(y.quantity())));
        }
        return byLot.values().stream().filter(a -> a.quantity().signum() > 0).toList();
    }

    private static BigDecimal sum(List<LotPicker.Allocation> allocations) {
        return allocations.stream().map(LotPicker.Allocation::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The ledger's request id of a report's n-th move: the client's id and the number, or — where a long client id
     * would not fit the ledger's 64 characters — a name-based UUID of the client's id and the number.
     */
    static String requestId(String clientId, int moveNo) {
        String readable = clientId + "/" + moveNo;
        return readable.length() <= 64 ? readable
                : java.util.UUID.nameUUIDFromBytes(clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "/" + moveNo;
    }

    private Location requireLocation(Long id, String purpose) {
        Location location = id == null ? null : em.find(Location.class, id);
        if (location == null) {
            throw DomainException.unprocessable("no-" + purpose + "-location", "The work center has no " + purpose + " location",
                    "Set the work center's " + purpose + " location (PUT /api/mes/work-centers/{id}/settings) before reporting"
                            + " quantities that move stock");
        }
        return location;
    }
}
