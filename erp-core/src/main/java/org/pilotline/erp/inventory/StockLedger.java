package org.pilotline.erp.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Tracking;
import org.pilotline.platform.persistence.RowsInsert;
import org.pilotline.platform.persistence.RowsUpdate;
import org.pilotline.platform.persistence.SqlWrites;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies moves to the ledger and the balances together, inside the caller's transaction.
 * <p>
 * Locking protocol: every move locks the balance rows of each item/location pair it touches in (item, location) order
 * with SELECT … FOR UPDATE, the pair's anchor row (no lot) first, creating the anchor (and the lot's row) where it does
 * not exist yet. Everything that changes stock of a pair — moves of any lot, reservations — holds its anchor, so checks
 * and updates of a pair are serialised and no update is lost; the fixed order keeps two moves from waiting on each
 * other. Deadlocks that InnoDB still reports (insert-intention locks of the upsert) are retried by the caller in a new
 * transaction.
 */
@ApplicationScoped
public class StockLedger {

    /** A move as the ledger applies it: everything resolved, the quantity in the item's stock unit. */
    public record Move(Item item, BigDecimal quantity, MoveType type, MoveReason reason, Location from, Location to,
                       Lot lot, String reference, String note, String username, String requestId) {
    }

    /** An item at a location: the unit the ledger locks, in (item, location) order. */
    public record Pair(long item, long location) implements Comparable<Pair> {
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

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** The transaction's resource key of the pairs this ledger has locked in it. */
    private static final String LOCKED = StockLedger.class.getName() + ".locked";

    /** The transaction's resource key of the locked pairs found without active reservations when they were locked. */
    private static final String UNRESERVED = StockLedger.class.getName() + ".unreserved";

    /** The transaction's resource key of the balance changes kept for one write ({@link #deferWrites}). */
    private static final String PENDING = StockLedger.class.getName() + ".pending";

    /** The transaction's resource key of the moves kept for one multi-row insert ({@link #deferWrites}). */
    private static final String PENDING_MOVES = StockLedger.class.getName() + ".pendingMoves";

    /** A balance row of a pair held in this transaction: its lot (null: the anchor or the lot-less stock) and quantity. */
    public record HeldRow(Long lotId, BigDecimal quantity) {
    }

    /** A balance row of a locked pair: its id, its lot (null: the anchor or the lot-less stock) and quantity. */
    private record BalanceRow(long id, Long lotId, BigDecimal quantity) {
    }

    /** The pair's rows, anchor first, held for the rest of the transaction. */
    private record LockedPair(List<BalanceRow> rows) {
        BalanceRow of(Lot lot) {
            Long lotId = lot == null ? null : lot.id;
            return rows.stream().filter(r -> java.util.Objects.equals(r.lotId(), lotId)).findFirst().orElseThrow();
        }

        boolean has(Long lotId) {
            return rows.stream().anyMatch(r -> java.util.Objects.equals(r.lotId(), lotId));
        }

        BigDecimal onHand() {
            return rows.stream().map(BalanceRow::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** An active reservation at a pair; {@code sameReference}: it holds stock for the move's own reference. */
    private record ActiveReservation(long id, BigDecimal quantity, boolean sameReference) {
    }

    /**
     * Every move of a terminal report goes through here, so it runs as plain JDBC naming the tenant in each statement:
     * Hibernate translates an HQL query anew on every call while its tenant filter is enabled, and the balances and
     * reservations are rows this class alone changes. Balance and reservation instances another part of the same
     * transaction loaded as entities are detached when their row changes here, so that nothing reads or writes a stale
     * copy later in the transaction.
     */
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
        Map<Pair, LockedPair> locked = lockPairs(tenantId, pairs, move.lot());
        if (move.item().tracking == Tracking.SERIAL && move.to() != null && move.from() == null) {
            requireSerialNotInStock(tenantId, move);
        }
        Map<Long, BigDecimal> changes = new java.util.LinkedHashMap<>();
        if (move.from() != null) {
            take(tenantId, move, locked.get(new Pair(move.item().id, move.from().id)), changes);
        }
        if (move.to() != null) {
            BalanceRow into = locked.get(new Pair(move.item().id, move.to().id)).of(move.lot());
            changes.merge(into.id(), move.quantity(), BigDecimal::add);
        }
        Map<Long, BigDecimal> pending = pending();
        if (pending != null) {
            changes.forEach((id, change) -> pending.merge(id, change, BigDecimal::add));
        } else {
            writeChanges(tenantId, changes);
        }
        afterUpdate(pairs, changes);
        changes.keySet().forEach(id -> detachManaged(StockBalance.class, id));
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
        line.tenantId = tenantId;
        List<StockMove> pendingMoves = pendingMoves();
        if (pendingMoves != null) {
            pendingMoves.add(line); // inserted with the balance changes: its id is set then
        } else {
            insertAll(List.of(line)); // executed here, so a duplicate request id fails inside the caller's retry
        }
        return line;
    }

    /**
     * From now on in this transaction, the moves and their balance changes are kept and written together by
     * {@link #writePending} — one multi-row insert for all the moves since, and one statement for the balances, each
     * row changed once by the sum of its changes — or before the ledger reads balances from the database again. What
     * the moves check (stock on hand, lots) comes from the rows the transaction holds, which are kept up to date as
     * before. A move returned by {@link #apply} has no id until it is written. A caller that reads balances or moves
     * itself, needs a move's id, or sets a savepoint, writes them first; whatever is still kept when the transaction
     * commits is written before it does.
     */
    public void deferWrites() {
        if (pending() == null) {
            String tenantId = tenant.requireEnterprise();
            transactions.putResource(PENDING, new java.util.LinkedHashMap<Long, BigDecimal>());
            transactions.putResource(PENDING_MOVES, new ArrayList<StockMove>());
            transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                    writePending(tenantId);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
    }

    /** Writes the moves and balance changes kept since {@link #deferWrites} (or the last write), if any. */
    public void writePending() {
        Map<Long, BigDecimal> pending = pending();
        List<StockMove> pendingMoves = pendingMoves();
        if (pending != null && !pending.isEmpty() || pendingMoves != null && !pendingMoves.isEmpty()) {
            writePending(tenant.requireEnterprise());
        }
    }

    private void writePending(String tenantId) {
        List<StockMove> pendingMoves = pendingMoves();
        if (pendingMoves != null && !pendingMoves.isEmpty()) {
            List<StockMove> moves = new ArrayList<>(pendingMoves);
            pendingMoves.clear();
            insertAll(moves);
        }
        Map<Long, BigDecimal> pending = pending();
        if (pending != null && !pending.isEmpty()) {
            Map<Long, BigDecimal> changes = new java.util.LinkedHashMap<>(pending);
            pending.clear();
            changes.values().removeIf(change -> change.signum() == 0);
            if (!changes.isEmpty()) {
                writeChanges(tenantId, changes);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Long, BigDecimal> pending() {
        return (Map<Long, BigDecimal>) transactions.getResource(PENDING);
    }

    @SuppressWarnings("unchecked")
    private List<StockMove> pendingMoves() {
        return (List<StockMove>) transactions.getResource(PENDING_MOVES);
    }

    private static final RowsUpdate BALANCES = RowsUpdate.of("stock_balance", "quantity = quantity + ?",
            "version = version + 1");

    /** Adds each change to its balance row, with one statement for all of them ({@link RowsUpdate}). */
    private void writeChanges(String tenantId, Map<Long, BigDecimal> changes) {
        jdbc(c -> {
            List<RowsUpdate.Row> rows = new ArrayList<>();
            changes.forEach((id, change) -> rows.add(new RowsUpdate.Row(id, change)));
            int updated = BALANCES.execute(c, tenantId, rows);
            if (updated != changes.size()) {
                throw new IllegalStateException("balance rows changed: " + updated + " of " + changes.size());
            }
        });
    }

    /**
     * Ledger entries as one JDBC insert (they are immutable, so Hibernate never needs to manage them): persisting each
     * as an entity cost a tenth of a terminal report's CPU. Several are one multi-row statement (the driver rewrites the
     * batch). The instances stay unmanaged and get their ids.
     */
    private void insertAll(List<StockMove> lines) {
        jdbc(c -> RowsInsert.insert(c, "insert into stock_move (tenant_id, move_type, reason, item_id, quantity,"
                + " from_location_id, to_location_id, lot_id, reference, note, username, moved_at, request_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, (insert, line) -> {
                    insert.setString(1, line.tenantId);
                    insert.setString(2, line.type.name());
                    insert.setString(3, line.reason.name());
                    insert.setLong(4, line.item.id);
                    insert.setBigDecimal(5, line.quantity);
                    insert.setObject(6, line.from == null ? null : line.from.id, Types.BIGINT);
                    insert.setObject(7, line.to == null ? null : line.to.id, Types.BIGINT);
                    insert.setObject(8, line.lot == null ? null : line.lot.id, Types.BIGINT);
                    insert.setString(9, line.reference);
                    insert.setString(10, line.note);
                    insert.setString(11, line.username);
                    insert.setObject(12, LocalDateTime.ofInstant(line.movedAt, ZoneOffset.UTC)); // stored in UTC
                    insert.setString(13, line.requestId);
                }, (line, id) -> line.id = id));
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

    /**
     * {@link #hold} for many pairs with one statement (the reports of a group hold the stock they will move at the
     * group's start): the pairs' rows are locked in (item, location, lot) order — the order in which {@link #apply}
     * locks pair after pair, so that a transaction holding a few of them waits for this one instead of deadlocking —
     * and read, with one more statement to learn which of them have active reservations. A pair without its anchor
     * row gets it as in {@link #apply}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdAll(java.util.Collection<Pair> pairs) {
        String tenantId = tenant.requireEnterprise();
        Map<Pair, LockedPair> earlier = lockedInTransaction();
        List<Pair> toLock = new ArrayList<>();
        for (Pair pair : new TreeSet<>(pairs)) {
            LockedPair rows = earlier.get(pair);
            if (rows == null || !rows.has(null)) {
                toLock.add(pair);
            }
        }
        if (toLock.isEmpty()) {
            return;
        }
        writePending(); // the rows are read from the database below
        if (toLock.size() == 1) {
            lockPairs(tenantId, new TreeSet<>(toLock), null);
        } else {
            Map<Pair, List<BalanceRow>> found = new java.util.HashMap<>();
            jdbc(c -> {
                // the unique key's ranges, scanned in its order: the rows are locked pair by pair as apply locks them
                try (PreparedStatement select = c.prepareStatement("select item_id, location_id, id, lot_id, quantity"
                        + " from stock_balance force index (uk_stock_balance) where tenant_id = ? and "
                        + anyPair(toLock.size()) + " order by item_id, location_id, lot_key for update")) {
                    select.setString(1, tenantId);
                    bindPairs(select, 2, toLock);
                    try (ResultSet r = select.executeQuery()) {
                        while (r.next()) {
                            long lotId = r.getLong(4);
                            Long lot = r.wasNull() ? null : lotId;
                            found.computeIfAbsent(new Pair(r.getLong(1), r.getLong(2)), p -> new ArrayList<>())
                                    .add(new BalanceRow(r.getLong(3), lot, r.getBigDecimal(5)));
                        }
                    }
                }
            });
            TreeSet<Pair> withoutAnchor = new TreeSet<>();
            for (Pair pair : toLock) {
                LockedPair rows = new LockedPair(found.getOrDefault(pair, List.of()));
                if (rows.has(null)) {
                    earlier.put(pair, rows);
                } else {
                    withoutAnchor.add(pair); // rare: the first stock of the item at the location
                }
            }
            lockPairs(tenantId, withoutAnchor, null);
        }
        Set<Pair> reserved = new java.util.HashSet<>();
        jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select distinct item_id, location_id from"
                    + " stock_reservation where tenant_id = ? and status = ? and " + anyPair(toLock.size()))) {
                select.setString(1, tenantId);
                select.setString(2, ReservationStatus.ACTIVE.name());
                bindPairs(select, 3, toLock);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        reserved.add(new Pair(r.getLong(1), r.getLong(2)));
                    }
                }
            }
        });
        // locked: no other transaction can reserve at these pairs before this one ends (reserve locks the pair)
        Set<Pair> unreserved = unreservedInTransaction();
        toLock.stream().filter(p -> !reserved.contains(p)).forEach(unreserved::add);
    }

    /** A condition naming {@code n} (item, location) pairs, to be bound by {@link #bindPairs}. */
    private static String anyPair(int n) {
        return "(" + String.join(" or ", java.util.Collections.nCopies(n, "(item_id = ? and location_id = ?)")) + ")";
    }

    private static void bindPairs(PreparedStatement statement, int first, List<Pair> pairs) throws java.sql.SQLException {
        int i = first;
        for (Pair pair : pairs) {
            statement.setLong(i++, pair.item());
            statement.setLong(i++, pair.location());
        }
    }

    /**
     * The rows of a pair held in this transaction as they stand now (every move of this transaction applied), in lot
     * order, anchor first; empty if the pair is not held. A caller that picks lots reads them instead of the table.
     */
    public java.util.Optional<List<HeldRow>> held(long itemId, long locationId) {
        LockedPair rows = lockedInTransaction().get(new Pair(itemId, locationId));
        return rows == null ? java.util.Optional.empty()
                : java.util.Optional.of(rows.rows().stream().map(r -> new HeldRow(r.lotId(), r.quantity())).toList());
    }

    /**
     * Forgets what this transaction remembers of the pairs it holds (their locks stay held): after a rollback to a
     * savepoint, the rows as remembered may be ones the rollback changed back or removed, so they are read again. The
     * balance changes and moves kept since the savepoint ({@link #deferWrites}) are dropped: they belong to what was
     * rolled back.
     */
    public void forgetHeld() {
        lockedInTransaction().clear();
        unreservedInTransaction().clear();
        Map<Long, BigDecimal> pending = pending();
        if (pending != null) {
            pending.clear(); // changes since the savepoint (the caller wrote the earlier ones before setting it)
        }
        List<StockMove> pendingMoves = pendingMoves();
        if (pendingMoves != null) {
            pendingMoves.clear(); // as the changes
        }
    }

    @SuppressWarnings("unchecked")
    private Set<Pair> unreservedInTransaction() {
        Set<Pair> unreserved = (Set<Pair>) transactions.getResource(UNRESERVED);
        if (unreserved == null) {
            unreserved = new java.util.HashSet<>();
            transactions.putResource(UNRESERVED, unreserved);
        }
        return unreserved;
    }

    /** Holds stock at a location for a reference, if that much is available to others. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockReservation reserve(Item item, Location location, BigDecimal quantity, String reference, String username) {
        String tenantId = tenant.requireEnterprise();
        Pair pair = new Pair(item.id, location.id);
        BigDecimal onHand = lockPairs(tenantId, new TreeSet<>(List.of(pair)), null).get(pair).onHand();
        unreservedInTransaction().remove(pair); // it has one now
        BigDecimal reserved = activeReservations(tenantId, pair, null).stream().map(ActiveReservation::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (onHand.subtract(reserved).compareTo(quantity) < 0) {
            throw shortage(item, location, onHand, reserved, quantity);
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

    private void take(String tenantId, Move move, LockedPair pair, Map<Long, BigDecimal> changes) {
        BalanceRow from = pair.of(move.lot());
        boolean consumes = move.reference() != null;
        Pair at = new Pair(move.item().id, move.from().id);
        List<ActiveReservation> reservations = (consumes || !move.item().allowNegativeStock)
                && !unreservedInTransaction().contains(at) ? activeReservations(tenantId, at, move.reference()) : List.of();
        if (!move.item().allowNegativeStock) {
            BigDecimal atLocation = pair.onHand();
            BigDecimal reservedForOthers = reservations.stream().filter(r -> !r.sameReference())
                    .map(ActiveReservation::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (StockRules.wouldBeShort(from.quantity(), atLocation, reservedForOthers, move.quantity())) {
                throw shortage(move.item(), move.from(), move.lot() == null ? atLocation : from.quantity(),
                        reservedForOthers, move.quantity());
            }
        }
        changes.merge(from.id(), move.quantity().negate(), BigDecimal::add);
        if (consumes) {
            consumeReservations(tenantId, reservations, move.quantity());
        }
    }

    /**
     * Locks each pair's rows in (item, location) order, anchor first, and reads them: what the move checks and changes.
     * A pair whose anchor (or the lot's row) does not exist yet gets it with an upsert, and is read again; usually both
     * exist, and locking a pair costs one statement.
     */
    private Map<Pair, LockedPair> lockPairs(String tenantId, TreeSet<Pair> pairs, Lot lot) {
        Map<Pair, LockedPair> locked = new java.util.HashMap<>();
        Map<Pair, LockedPair> earlier = lockedInTransaction();
        TreeSet<Pair> toLock = new TreeSet<>();
        for (Pair pair : pairs) {
            LockedPair rows = earlier.get(pair);
            // locked before in this transaction (a caller's hold, an earlier move): its rows stay locked until the
            // commit and only this class changes them, so what is remembered is what the database holds
            if (rows != null && rows.has(null) && (lot == null || rows.has(lot.id))) {
                locked.put(pair, rows);
            } else {
                toLock.add(pair);
            }
        }
        if (toLock.isEmpty()) {
            return locked;
        }
        writePending(); // the rows are read from the database below
        jdbc(c -> {
            // the unique key names exactly the pair's rows: MariaDB 10.11 otherwise may choose the location's index
            // (or merge it with the item's) and lock every row at the location, e.g. the receipt location all work
            // centers share, which serialised and deadlocked concurrent reports (docs/benchmarks/mes.md)
            try (PreparedStatement select = c.prepareStatement("select id, lot_id, quantity from stock_balance"
                    + " force index (uk_stock_balance)"
                    + " where tenant_id = ? and item_id = ? and location_id = ? order by lot_key for update")) {
                for (Pair pair : toLock) {
                    LockedPair rows = selectRows(select, tenantId, pair);
                    if (!rows.has(null) || (lot != null && !rows.has(lot.id))) {
                        upsertRows(c, tenantId, pair, lot);
                        rows = selectRows(select, tenantId, pair);
                    }
                    locked.put(pair, rows);
                    earlier.put(pair, rows);
                }
            }
        });
        return locked;
    }

    /**
     * The pairs locked in the current transaction with their rows as they stand: a move after a {@link #hold} of the
     * same pair (the MES holds staged stock before it picks lots, then moves it) does not lock and read it again. A
     * new transaction (also a retry) starts empty.
     */
    @SuppressWarnings("unchecked")
    private Map<Pair, LockedPair> lockedInTransaction() {
        Map<Pair, LockedPair> locked = (Map<Pair, LockedPair>) transactions.getResource(LOCKED);
        if (locked == null) {
            locked = new java.util.HashMap<>();
            transactions.putResource(LOCKED, locked);
        }
        return locked;
    }

    /**
     * Keeps the remembered rows equal to the database after the balance update of a move: the rows of the move's own
     * pairs (only those; a group's transaction holds many pairs, and every move used to rebuild them all).
     */
    private void afterUpdate(java.util.Collection<Pair> pairs, Map<Long, BigDecimal> changes) {
        Map<Pair, LockedPair> locked = lockedInTransaction();
        for (Pair pair : pairs) {
            locked.computeIfPresent(pair, (p, rows) -> new LockedPair(rows.rows().stream()
                    .map(r -> changes.containsKey(r.id()) ? new BalanceRow(r.id(), r.lotId(), r.quantity().add(changes.get(r.id()))) : r)
                    .toList()));
        }
    }

    private static LockedPair selectRows(PreparedStatement select, String tenantId, Pair pair) throws java.sql.SQLException {
        select.setString(1, tenantId);
        select.setLong(2, pair.item());
        select.setLong(3, pair.location());
        List<BalanceRow> rows = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                long id = r.getLong(1);
                long lotId = r.getLong(2);
                Long lot = r.wasNull() ? null : lotId;
                rows.add(new BalanceRow(id, lot, r.getBigDecimal(3)));
            }
        }
        return new LockedPair(rows);
    }

    /** The pair's anchor and (with a lot) the lot's row, created at zero where missing; both locked afterwards. */
    private static void upsertRows(java.sql.Connection c, String tenantId, Pair pair, Lot lot) throws java.sql.SQLException {
        try (PreparedStatement upsert = c.prepareStatement("insert into stock_balance (tenant_id, item_id, location_id,"
                + " lot_id, quantity, version) values (?, ?, ?, null, 0, 0)" + (lot == null ? "" : ", (?, ?, ?, ?, 0, 0)")
                + " on duplicate key update id = id")) {
            upsert.setString(1, tenantId);
            upsert.setLong(2, pair.item());
            upsert.setLong(3, pair.location());
            if (lot != null) {
                upsert.setString(4, tenantId);
                upsert.setLong(5, pair.item());
                upsert.setLong(6, pair.location());
                upsert.setLong(7, lot.id);
            }
            upsert.executeUpdate();
        }
    }

    /**
     * Active reservations at the pair, oldest first; {@code reference}: which of them hold stock for it (compared by
     * the database, as the reference column's collation says).
     */
    private List<ActiveReservation> activeReservations(String tenantId, Pair pair, String reference) {
        List<ActiveReservation> reservations = new ArrayList<>();
        jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select id, quantity, coalesce(reference = ?, false)"
                    + " from stock_reservation where tenant_id = ? and item_id = ? and location_id = ? and status = ?"
                    + " order by id")) {
                select.setString(1, reference);
                select.setString(2, tenantId);
                select.setLong(3, pair.item());
                select.setLong(4, pair.location());
                select.setString(5, ReservationStatus.ACTIVE.name());
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        reservations.add(new ActiveReservation(r.getLong(1), r.getBigDecimal(2), r.getBoolean(3)));
                    }
                }
            }
        });
        return reservations;
    }

    private void consumeReservations(String tenantId, List<ActiveReservation> reservations, BigDecimal quantity) {
        BigDecimal left = quantity;
        List<ActiveReservation> consumed = new ArrayList<>();
        for (ActiveReservation reservation : reservations) {
            if (left.signum() <= 0) {
                break;
            }
            if (!reservation.sameReference()) {
                continue;
            }
            BigDecimal used = reservation.quantity().min(left);
            left = left.subtract(used);
            consumed.add(new ActiveReservation(reservation.id(), reservation.quantity().subtract(used), true));
        }
        if (consumed.isEmpty()) {
            return;
        }
        jdbc(c -> {
            try (PreparedStatement update = c.prepareStatement("update stock_reservation set quantity = ?, status = ?,"
                    + " version = version + 1 where id = ? and tenant_id = ?")) {
                for (ActiveReservation r : consumed) {
                    update.setBigDecimal(1, r.quantity());
                    update.setString(2, (r.quantity().signum() == 0 ? ReservationStatus.CONSUMED : ReservationStatus.ACTIVE).name());
                    update.setLong(3, r.id());
                    update.setString(4, tenantId);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        consumed.forEach(r -> detachManaged(StockReservation.class, r.id()));
    }

    private void requireSerialNotInStock(String tenantId, Move move) {
        writePending(); // summed from the database below
        BigDecimal[] anywhere = {BigDecimal.ZERO};
        jdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select coalesce(sum(quantity), 0) from stock_balance"
                    + " where tenant_id = ? and lot_id = ?")) {
                select.setString(1, tenantId);
                select.setLong(2, move.lot().id);
                try (ResultSet r = select.executeQuery()) {
                    if (r.next()) {
                        anywhere[0] = r.getBigDecimal(1);
                    }
                }
            }
        });
        if (anywhere[0].signum() > 0) {
            throw DomainException.conflict("serial-in-stock", "The serial number is already in stock",
                    "Serial number " + move.lot().lotNumber + " of '" + move.item().code + "' is already in stock",
                    new FieldError("lotNumber", "is already in stock"));
        }
    }

    private void jdbc(org.hibernate.jdbc.Work work) {
        em.unwrap(Session.class).doWork(work);
    }

    private void detachManaged(Class<?> entity, long id) {
        SqlWrites.changed(em, entity, id);
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
