package org.pilotline.erp.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Retry;
import org.pilotline.erp.inventory.InventoryDtos.BalanceView;
import org.pilotline.erp.inventory.InventoryDtos.IntegrityReport;
import org.pilotline.erp.inventory.InventoryDtos.Mismatch;
import org.pilotline.erp.inventory.InventoryDtos.MoveRequest;
import org.pilotline.erp.inventory.InventoryDtos.MoveView;
import org.pilotline.erp.inventory.InventoryDtos.ReservationRequest;
import org.pilotline.erp.inventory.InventoryDtos.ReservationView;
import org.pilotline.erp.item.Item;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.Unit;
import org.pilotline.erp.unit.UnitService;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stock moves, balances, reservations and the ledger's integrity, for the caller's enterprise. */
@ApplicationScoped
public class InventoryService {

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    StockLedger ledger;

    @Inject
    UnitService units;

    @Inject
    EntityManager em;

    /** The outcome of a move request: the move, and whether it was new or a replay of an earlier request. */
    public record Recorded(MoveView move, boolean replayed) {
    }

    /**
     * Records one move in a transaction of its own, retried on deadlock. A request id seen before returns the move
     * it made then, so that a client retrying after a lost answer moves stock once.
     */
    public Recorded recordMove(MoveRequest request) {
        tenant.requireEnterprise();
        if (request.requestId() != null) {
            Optional<StockMove> earlier = byRequestId(request.requestId());
            if (earlier.isPresent()) {
                return new Recorded(MoveView.of(earlier.get()), true);
            }
        }
        String username = caller.username();
        try {
            return Retry.inNewTransaction(() -> new Recorded(MoveView.of(ledger.apply(resolve(request, username))), false));
        } catch (RuntimeException e) {
            if (request.requestId() != null && isDuplicateRequest(e)) {
                return byRequestId(request.requestId()).map(m -> new Recorded(MoveView.of(m), true)).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Resolves and checks a request into a move; also used by other features inside their own transactions. */
    public StockLedger.Move resolve(MoveRequest r, String username) {
        List<FieldError> problems = new ArrayList<>();
        Location from = !Lookups.given(r.fromLocationId(), r.fromLocationCode()) ? null
                : activeLocation(r.fromLocationId(), r.fromLocationCode(), "fromLocationId", problems);
        Location to = !Lookups.given(r.toLocationId(), r.toLocationCode()) ? null
                : activeLocation(r.toLocationId(), r.toLocationCode(), "toLocationId", problems);
        problems.addAll(0, StockRules.shapeProblems(r.type(), r.reason(), from == null ? null : from.id,
                to == null ? null : to.id));
        Item item = Lookups.reference(Item.class, "Item", r.itemId(), r.itemCode(), "itemId");
        if (!item.active) {
            problems.add(new FieldError("itemId", "item '" + item.code + "' is inactive"));
        }
        BigDecimal quantity = r.quantity();
        if (Lookups.given(r.unitId(), r.unitCode())) {
            Unit unit = Lookups.reference(Unit.class, "Unit", r.unitId(), r.unitCode(), "unitId");
            if (!unit.id.equals(item.stockUnit.id)) {
                quantity = units.convert(quantity, unit.id, item.stockUnit.id, item.id, "unitId");
            }
        }
        StockRules.precisionProblem(quantity, item.stockUnit.decimals, item.stockUnit.code).ifPresent(problems::add);
        problems.addAll(StockRules.trackingProblems(item.tracking, r.lotNumber(), quantity));
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-move", "The stock move is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
        Lot lot = r.lotNumber() == null || r.lotNumber().isBlank() ? null : lot(item, r, from == null);
        return new StockLedger.Move(item, quantity, r.type(), r.reason(), from, to, lot, r.reference(), r.note(),
                username, r.requestId());
    }

    public MoveView getMove(long id) {
        tenant.requireEnterprise();
        return MoveView.of(Lookups.require(StockMove.class, "Stock move", id));
    }

    public Page<MoveView> listMoves(PageRequest page, Long itemId, Long locationId, String reference, MoveType type,
                                    Instant from, Instant to) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "item.id = :item", "item", () -> itemId)
                .and(locationId != null, "(from.id = :location or to.id = :location)", "location", () -> locationId)
                .and(reference != null, "reference = :reference", "reference", () -> reference)
                .and(type != null, "type = :type", "type", () -> type)
                .and(from != null, "movedAt >= :since", "since", () -> from)
                .and(to != null, "movedAt < :until", "until", () -> to);
        return Lookups.page(StockMove.find(filter.where(), page.toSort(Map.of("movedAt", "movedAt", "id", "id"), "id"),
                filter.parameters()), page, MoveView::of);
    }

    public Page<BalanceView> listBalances(PageRequest page, Long itemId, Long locationId, Long warehouseId, boolean nonZero) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "item.id = :item", "item", () -> itemId)
                .and(locationId != null, "location.id = :location", "location", () -> locationId)
                .and(warehouseId != null, "location.warehouse.id = :warehouse", "warehouse", () -> warehouseId)
                .and(nonZero, "quantity <> :zero", "zero", () -> BigDecimal.ZERO);
        return Lookups.page(StockBalance.find(filter.where(), page.toSort(Map.of("quantity", "quantity"), "id"),
                filter.parameters()), page, BalanceView::of);
    }

    public ReservationView reserve(ReservationRequest r) {
        tenant.requireEnterprise();
        String username = caller.username();
        return Retry.inNewTransaction(() -> {
            Item item = Lookups.reference(Item.class, "Item", r.itemId(), r.itemCode(), "itemId");
            Location location = Location.reference(r.locationId(), r.locationCode(), "locationId");
            StockRules.precisionProblem(r.quantity(), item.stockUnit.decimals, item.stockUnit.code).ifPresent(p -> {
                throw DomainException.invalid("invalid-reservation", "The reservation is not valid", p);
            });
            return ReservationView.of(ledger.reserve(item, location, r.quantity(), r.reference(), username));
        });
    }

    @Transactional
    public ReservationView release(long id) {
        tenant.requireEnterprise();
        StockReservation reservation = Lookups.require(StockReservation.class, "Reservation", id);
        if (reservation.status != ReservationStatus.ACTIVE) {
            throw DomainException.conflict("reservation-closed", "The reservation is closed",
                    "Reservation " + id + " is " + reservation.status);
        }
        reservation.status = ReservationStatus.RELEASED;
        StockReservation.flush();
        return ReservationView.of(reservation);
    }

    public ReservationView getReservation(long id) {
        tenant.requireEnterprise();
        return ReservationView.of(Lookups.require(StockReservation.class, "Reservation", id));
    }

    public Page<ReservationView> listReservations(PageRequest page, Long itemId, String reference, ReservationStatus status) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "item.id = :item", "item", () -> itemId)
                .and(reference != null, "reference = :reference", "reference", () -> reference)
                .and(status != null, "status = :status", "status", () -> status);
        return Lookups.page(StockReservation.find(filter.where(), page.toSort(Map.of("createdAt", "createdAt"), "id"),
                filter.parameters()), page, ReservationView::of);
    }

    /** Recomputes every balance of the enterprise from the ledger and lists those that differ (there should be none). */
    @Transactional
    public IntegrityReport checkIntegrity() {
        tenant.requireEnterprise();
        List<Object[]> ledgerSums = em.createQuery(
                "select m.item.id, loc.id, l.id, sum(case when m.to = loc then m.quantity else -m.quantity end) "
                        + "from StockMove m join Location loc on (loc = m.to or loc = m.from) left join m.lot l "
                        + "group by m.item.id, loc.id, l.id", Object[].class).getResultList();
        Map<String, BigDecimal> expected = new java.util.HashMap<>();
        for (Object[] row : ledgerSums) {
            expected.put(row[0] + ":" + row[1] + ":" + row[2], (BigDecimal) row[3]);
        }
        List<Mismatch> mismatches = new ArrayList<>();
        List<StockBalance> balances = StockBalance.listAll();
        for (StockBalance b : balances) {
            String key = b.item.id + ":" + b.location.id + ":" + (b.lot == null ? null : b.lot.id);
            BigDecimal sum = expected.getOrDefault(key, BigDecimal.ZERO);
            expected.remove(key);
            if (sum.compareTo(b.quantity) != 0) {
                mismatches.add(new Mismatch(b.item.id, b.location.id, b.lot == null ? null : b.lot.id, b.quantity, sum));
            }
        }
        expected.forEach((key, sum) -> {
            String[] parts = key.split(":");
            mismatches.add(new Mismatch(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    "null".equals(parts[2]) ? null : Long.parseLong(parts[2]), BigDecimal.ZERO, sum));
        });
        long moves = StockMove.count();
        return new IntegrityReport(balances.size(), moves, mismatches);
    }

    private Location activeLocation(Long id, String code, String field, List<FieldError> problems) {
        Location location = Location.reference(id, code, field);
        if (!location.active) {
            problems.add(new FieldError(field, "location " + location.label() + " is inactive"));
        }
        return location;
    }

    /**
     * The lot of a move; a receipt may bring a new one, other moves need one that exists. A new lot is inserted in the
     * caller's transaction (it may be receiving an item created in that same transaction) with an insert that ignores a
     * duplicate key, so two receipts of the same new lot at once both end up with the one row.
     */
    private Lot lot(Item item, MoveRequest r, boolean mayCreate) {
        Optional<Lot> existing = Lot.find("item = ?1 and lotNumber = ?2", item, r.lotNumber()).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!mayCreate) {
            throw DomainException.invalid("unknown-lot", "The lot does not exist",
                    new FieldError("lotNumber", "item '" + item.code + "' has no lot " + r.lotNumber()));
        }
        em.createNativeQuery("insert into lot (tenant_id, item_id, lot_number, expires_on, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on duplicate key update id = id")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, item.id).setParameter(3, r.lotNumber())
                .setParameter(4, r.lotExpiresOn()).setParameter(5, Instant.now()).executeUpdate();
        return Lot.<Lot>find("item = ?1 and lotNumber = ?2", item, r.lotNumber()).firstResult();
    }

    private Optional<StockMove> byRequestId(String requestId) {
        return StockMove.find("requestId", requestId).firstResultOptional();
    }

    private static boolean isDuplicateRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException cv
                    && cv.getConstraintName() != null && cv.getConstraintName().contains("uk_stock_move_request")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
