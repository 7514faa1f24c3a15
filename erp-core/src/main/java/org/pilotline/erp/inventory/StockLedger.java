package org.pilotline.erp.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Tracking;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies moves to the ledger and the balances together, inside the caller's transaction.
 * <p>
 * Locking protocol: every move first makes sure the anchor balance row (no lot) of each item/location pair it touches
 * exists, then locks those anchors in (item, location) order with SELECT … FOR UPDATE. Everything that changes stock
 * of a pair — moves of any lot, reservations — holds its anchor, so checks and updates of a pair are serialised and
 * no update is lost; the fixed order keeps two moves from waiting on each other. Deadlocks that InnoDB still reports
 * (insert-intention locks of the upsert) are retried by the caller in a new transaction.
 */
@ApplicationScoped
public class StockLedger {

    /** A move as the ledger applies it: everything resolved, the quantity in the item's stock unit. */
    public record Move(Item item, BigDecimal quantity, MoveType type, MoveReason reason, Location from, Location to,
                       Lot lot, String reference, String note, String username, String requestId) {
    }

    private record Pair(long item, long location) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair other) {
            int byItem = Long.compare(item, other.item);
            return byItem != 0 ? byItem : Long.compare(location, other.location);
        }
    }

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public StockMove apply(Move move) {
        String tenantId = tenant.requireEnterprise();
        TreeSet<Pair> pairs = new TreeSet<>();
        if (move.from() != null) {
            pairs.add(new Pair(move.item().id, move.from().id));
        }
        if (move.to() != null) {
            pairs.add(new Pair(move.item().id, move.to().id));
        }
        lockPairs(tenantId, pairs, move.lot());
        if (move.item().tracking == Tracking.SERIAL && move.to() != null && move.from() == null) {
            requireSerialNotInStock(move);
        }
        if (move.from() != null) {
            take(move);
        }
        if (move.to() != null) {
            StockBalance into = balance(move.item(), move.to(), move.lot());
            into.quantity = into.quantity.add(move.quantity());
        }
        StockMove line = new StockMove();
        line.type = move.type();
        line.reason = move.reason();
        line.item = move.item();
        line.quantity = move.quantity();
        line.from = move.from();
        line.to = move.to();
        line.lot = move.lot();
        line.reference = move.reference();
        line.note = move.note();
        line.username = move.username();
        line.movedAt = Instant.now();
        line.requestId = move.requestId();
        line.persist();
        em.flush();
        return line;
    }

    /**
     * Holds the anchor of an item at a location for the rest of the transaction, for a caller that reads the pair's
     * stock before it moves it (picking lots): what it reads afterwards stays true until its moves are applied. Call it
     * for several pairs in (item, location) order, as {@link #apply} locks them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(Item item, Location location) {
        lockPairs(tenant.requireEnterprise(), new TreeSet<>(List.of(new Pair(item.id, location.id))), null);
    }

    /** Holds stock at a location for a reference, if that much is available to others. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockReservation reserve(Item item, Location location, BigDecimal quantity, String reference, String username) {
        lockPairs(tenant.requireEnterprise(), new TreeSet<>(List.of(new Pair(item.id, location.id))), null);
        BigDecimal available = onHandAt(item, location).subtract(reservedAt(item, location, null));
        if (available.compareTo(quantity) < 0) {
            throw shortage(item, location, onHandAt(item, location), reservedAt(item, location, null), quantity);
        }
        StockReservation reservation = new StockReservation();
        reservation.item = item;
        reservation.location = location;
        reservation.quantity = quantity;
        reservation.reference = reference;
        reservation.status = ReservationStatus.ACTIVE;
        reservation.username = username;
        reservation.createdAt = Instant.now();
        reservation.persist();
        return reservation;
    }

    private void take(Move move) {
        StockBalance from = balance(move.item(), move.from(), move.lot());
        if (!move.item().allowNegativeStock) {
            BigDecimal atLocation = onHandAt(move.item(), move.from());
            BigDecimal reservedForOthers = reservedAt(move.item(), move.from(), move.reference());
            if (StockRules.wouldBeShort(from.quantity, atLocation, reservedForOthers, move.quantity())) {
                throw shortage(move.item(), move.from(), move.lot() == null ? atLocation : from.quantity,
                        reservedForOthers, move.quantity());
            }
        }
        from.quantity = from.quantity.subtract(move.quantity());
        if (move.reference() != null) {
            consumeReservations(move.item(), move.from(), move.reference(), move.quantity());
        }
    }

    private void lockPairs(String tenantId, TreeSet<Pair> pairs, Lot lot) {
        for (Pair pair : pairs) {
            upsert(tenantId, pair, null);
            if (lot != null) {
                upsert(tenantId, pair, lot.id);
            }
        }
        for (Pair pair : pairs) {
            em.createNativeQuery("select id from stock_balance where tenant_id = ?1 and item_id = ?2 and location_id = ?3"
                            + " and lot_key = 0 for update")
                    .setParameter(1, tenantId).setParameter(2, pair.item()).setParameter(3, pair.location())
                    .getResultList();
        }
    }

    private void upsert(String tenantId, Pair pair, Long lotId) {
        em.createNativeQuery("insert into stock_balance (tenant_id, item_id, location_id, lot_id, quantity, version)"
                        + " values (?1, ?2, ?3, ?4, 0, 0) on duplicate key update id = id")
                .setParameter(1, tenantId).setParameter(2, pair.item()).setParameter(3, pair.location())
                .setParameter(4, lotId).executeUpdate();
    }

    private StockBalance balance(Item item, Location location, Lot lot) {
        var query = em.createQuery("select b from StockBalance b where b.item = :item and b.location = :location and "
                        + (lot == null ? "b.lot is null" : "b.lot = :lot"), StockBalance.class)
                .setParameter("item", item).setParameter("location", location);
        if (lot != null) {
            query.setParameter("lot", lot);
        }
        return query.getResultStream().findFirst().orElseThrow();
    }

    private BigDecimal onHandAt(Item item, Location location) {
        return em.createQuery("select coalesce(sum(b.quantity), 0) from StockBalance b where b.item = :item"
                        + " and b.location = :location", BigDecimal.class)
                .setParameter("item", item).setParameter("location", location).getSingleResult();
    }

    /** Active reservations at the location, except those of {@code exceptReference} (which the move may use). */
    private BigDecimal reservedAt(Item item, Location location, String exceptReference) {
        var query = em.createQuery("select coalesce(sum(r.quantity), 0) from StockReservation r where r.item = :item"
                        + " and r.location = :location and r.status = :active"
                        + (exceptReference == null ? "" : " and r.reference <> :reference"), BigDecimal.class)
                .setParameter("item", item).setParameter("location", location)
                .setParameter("active", ReservationStatus.ACTIVE);
        if (exceptReference != null) {
            query.setParameter("reference", exceptReference);
        }
        return query.getSingleResult();
    }

    private void consumeReservations(Item item, Location location, String reference, BigDecimal quantity) {
        BigDecimal left = quantity;
        for (StockReservation reservation : StockReservation.<StockReservation>list(
                "item = ?1 and location = ?2 and reference = ?3 and status = ?4 order by id",
                item, location, reference, ReservationStatus.ACTIVE)) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal used = reservation.quantity.min(left);
            reservation.quantity = reservation.quantity.subtract(used);
            left = left.subtract(used);
            if (reservation.quantity.signum() == 0) {
                reservation.status = ReservationStatus.CONSUMED;
            }
        }
    }

    private void requireSerialNotInStock(Move move) {
        BigDecimal anywhere = em.createQuery("select coalesce(sum(b.quantity), 0) from StockBalance b where b.lot = :lot",
                BigDecimal.class).setParameter("lot", move.lot()).getSingleResult();
        if (anywhere.signum() > 0) {
            throw DomainException.conflict("serial-in-stock", "The serial number is already in stock",
                    "Serial number " + move.lot().lotNumber + " of '" + move.item().code + "' is already in stock",
                    new FieldError("lotNumber", "is already in stock"));
        }
    }

    private static DomainException shortage(Item item, Location location, BigDecimal onHand, BigDecimal reservedForOthers,
                                            BigDecimal quantity) {
        BigDecimal available = onHand.subtract(reservedForOthers).max(BigDecimal.ZERO);
        return new DomainException(ProblemKind.CONFLICT, "insufficient-stock", "Not enough stock",
                "Item '" + item.code + "' at " + location.label() + ": on hand " + onHand.stripTrailingZeros().toPlainString()
                        + ", reserved for others " + reservedForOthers.stripTrailingZeros().toPlainString()
                        + ", available " + available.stripTrailingZeros().toPlainString() + "; needed "
                        + quantity.stripTrailingZeros().toPlainString(),
                List.of(new FieldError("quantity", "exceeds the available " + available.stripTrailingZeros().toPlainString())),
                Map.of("available", available.stripTrailingZeros()));
    }
}
