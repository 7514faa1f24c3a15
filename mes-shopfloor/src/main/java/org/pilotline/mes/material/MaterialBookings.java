package org.pilotline.mes.material;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.pilotline.erp.inventory.Location;
import org.pilotline.erp.inventory.Lot;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    /**
     * What a report is booking: all ids resolved by the caller. {@code knownItems} and {@code knownLocations}: items
     * and locations the caller has already read in this transaction (the order structure's and the settings' reads
     * return them), as unmanaged instances; the booking reads only those it is not given.
     */
    public record BookingRequest(long workOrderId, String workOrderNumber, long producedItemId, long reportId, String clientId, String username,
                                  List<Backflush.Requirement> components, Long stagingLocationId,
                                  List<Receipt> receipts, Long receiptLocationId, List<ScannedLot> scanned,
                                  List<String> serials, Map<Long, Item> knownItems, Map<Long, Location> knownLocations,
                                  Map<Long, KnownLot> knownWorkOrderLots, Map<Long, LotInfo> knownLots) {
    }

    /** What lot picking reads of a lot: its number, expiry and creation. */
    public record LotInfo(String lotNumber, LocalDate expiresOn, Instant createdAt) {
    }

    /** A lot of a work order's output, as read before ({@link #workOrderLots}): its id and number. */
    public record KnownLot(long lotId, String lotNumber) {
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

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DomainException.class)
    public Booked book(BookingRequest request) {
        List<StockBooking> consumed = new ArrayList<>();
        List<ConsumedLot> genealogySources = new ArrayList<>();
        Map<Long, OutputLot> workOrderLots = new java.util.HashMap<>();
        boolean negative = false;
        int moveNo = 0;
        Map<Long, Item> items = items(request);
        Map<Long, Location> locations = locations(request);
        if (!request.components().isEmpty()) {
            Location staging = requireLocation(locations, request.stagingLocationId(), "staging");
            // lots are picked from what is staged: hold each component's stock at staging before reading it, in the
            // ledger's order, so that a concurrent report cannot take the same lot between the picking and the move
            request.components().stream().map(Backflush.Requirement::itemId).distinct().sorted()
                    .forEach(itemId -> ledger.hold(requireItem(items, itemId), staging));
            for (Backflush.Requirement requirement : request.components()) {
                Item item = requireItem(items, requirement.itemId());
                List<LotPicker.Allocation> allocations = new ArrayList<>(scannedAllocations(item, staging, request.scanned()));
                BigDecimal open = requirement.quantity().subtract(sum(allocations));
                if (open.signum() > 0) {
                    Set<Long> scannedLots = new HashSet<>();
                    allocations.forEach(a -> scannedLots.add(a.lotId()));
                    LotPicker.Picking picking = LotPicker.pick(available(item, staging, request.knownLots()).stream()
                            .filter(a -> a.lotId() == null || !scannedLots.contains(a.lotId())).toList(), open);
                    allocations.addAll(picking.allocations());
                    if (picking.shortage().signum() > 0) {
                        negative = true;
                        allocations.add(shortfall(item, staging, picking, allocations, requirement.quantity()));
                    }
                }
                for (LotPicker.Allocation allocation : merge(allocations)) {
                    // the lot's number came with its stock; the move needs only its id, so the lot is not loaded
                    Lot lot = allocation.lotId() == null ? null : em.getReference(Lot.class, allocation.lotId());
                    StockMove move = ledger.apply(new StockLedger.Move(item, allocation.quantity(), MoveType.ISSUE,
                            MoveReason.PRODUCTION_ISSUE, staging, null, lot, request.workOrderNumber(), null,
                            request.username(), requestId(request.clientId(), ++moveNo)));
                    consumed.add(new StockBooking(item.id, item.code, allocation.lotNumber(), allocation.quantity(),
                            staging.id, StockBooking.MoveId.of(move)));
                    genealogySources.add(new ConsumedLot(item.id, allocation.lotId(), allocation.quantity()));
                }
            }
        }
        if (!genealogySources.isEmpty()) {
            Item produced = requireItem(items, request.producedItemId());
            OutputLot into = produced.tracking == Tracking.LOT ? workOrderLot(produced, request, workOrderLots) : null;
            link(request, produced.id, into == null ? null : into.lotId(), BigDecimal.ONE, genealogySources);
        }
        List<StockBooking> received = new ArrayList<>();
        if (!request.receipts().isEmpty()) {
            Location into = requireLocation(locations, request.receiptLocationId(), "receipt");
            for (Receipt receipt : request.receipts()) {
                Item item = requireItem(items, receipt.itemId());
                for (OutputLot output : outputLots(item, request, receipt.quantity(), workOrderLots)) {
                    StockMove move = ledger.apply(new StockLedger.Move(item, output.quantity(), MoveType.RECEIPT,
                            MoveReason.PRODUCTION_RECEIPT, null, into, output.lot(), request.workOrderNumber(), null,
                            request.username(), requestId(request.clientId(), ++moveNo)));
                    received.add(new StockBooking(item.id, item.code, output.lotNumber(), output.quantity(), into.id,
                            StockBooking.MoveId.of(move)));
                    boolean linkedAtConsumption = item.id == request.producedItemId() && item.tracking != Tracking.SERIAL;
                    if (!linkedAtConsumption) {
                        link(request, item.id, output.lotId(), output.quantity().divide(receipt.quantity(), 12,
                                RoundingMode.HALF_UP), genealogySources);
                    }
                }
            }
        }
        return new Booked(consumed, received, negative);
    }

    private record ConsumedLot(long itemId, Long lotId, BigDecimal quantity) {
    }

    /** A lot to receive into (null for an untracked item), its number and quantity. */
    private record OutputLot(Lot lot, String lotNumber, BigDecimal quantity) {
        OutputLot with(BigDecimal received) {
            return new OutputLot(lot, lotNumber, received);
        }

        Long lotId() {
            return lot == null ? null : lot.id;
        }
    }

    /** A lot as read with SQL: referenced by id, not loaded. */
    private OutputLot lotRef(long id, String number) {
        return new OutputLot(em.getReference(Lot.class, id), number, null);
    }

    /**
     * Genealogy. What any operation consumes is linked when it is consumed to the work order's lot of its product (one
     * lot per work order for a lot-tracked product; the work order alone for an untracked one), so the product's lot
     * holds everything of every operation. Co- and by-products and serial numbers are linked at their receipt to what
     * the receiving report consumed, each in proportion to its share of the output. A trace reads only the rows written
     * at consumption, with the work order's receipts in the ledger: every output of a work order holds what any of its
     * operations consumed (GenealogyStore).
     */
    private void link(BookingRequest request, long producedItem, Long producedLot, BigDecimal share,
                      List<ConsumedLot> sources) {
        if (sources.isEmpty()) {
            return;
        }
        List<Link> links = new ArrayList<>(sources.size());
        for (ConsumedLot source : sources) {
            links.add(new Link(producedItem, producedLot, source.itemId(), source.lotId(),
                    source.quantity().multiply(share).setScale(6, RoundingMode.HALF_UP), request.workOrderId(),
                    request.reportId()));
        }
        @SuppressWarnings("unchecked")
        List<Link> deferred = (List<Link>) transactions.getResource(DEFERRED_LINKS);
        if (deferred != null) {
            deferred.addAll(links); // written with the transaction's other links at its end
        } else {
            writeLinks(links);
        }
    }

    /** A genealogy row: the produced item and lot, the consumed item and lot, the quantity, work order and report. */
    private record Link(long producedItem, Long producedLot, long consumedItem, Long consumedLot, BigDecimal quantity,
                        long workOrderId, long reportId) {
    }

    /** The transaction's resource key of the genealogy links gathered for its end. */
    private static final String DEFERRED_LINKS = MaterialBookings.class.getName() + ".links";

    /**
     * From now on in this transaction, the genealogy links of the bookings are gathered and written with one statement
     * by {@link #writeDeferredLinks()} (the reports of a group: nothing in a report reads them). Call that before the
     * transaction ends.
     */
    public void deferLinks() {
        if (transactions.getResource(DEFERRED_LINKS) == null) {
            transactions.putResource(DEFERRED_LINKS, new ArrayList<Link>());
        }
    }

    /** How many links are gathered so far (a mark for {@link #dropLinksSince} before a report that may be refused). */
    @SuppressWarnings("unchecked")
    public int deferredLinks() {
        List<Link> deferred = (List<Link>) transactions.getResource(DEFERRED_LINKS);
        return deferred == null ? 0 : deferred.size();
    }

    /** Drops the links gathered after the mark: a report rolled back to its savepoint. */
    @SuppressWarnings("unchecked")
    public void dropLinksSince(int mark) {
        List<Link> deferred = (List<Link>) transactions.getResource(DEFERRED_LINKS);
        if (deferred != null && deferred.size() > mark) {
            deferred.subList(mark, deferred.size()).clear();
        }
    }

    /** Writes the links gathered so far (one multi-row insert) and goes on gathering. */
    @SuppressWarnings("unchecked")
    public void writeDeferredLinks() {
        List<Link> deferred = (List<Link>) transactions.getResource(DEFERRED_LINKS);
        if (deferred != null && !deferred.isEmpty()) {
            writeLinks(deferred);
            deferred.clear();
        }
    }

    private void writeLinks(List<Link> links) {
        String tenantId = tenant.requireEnterprise();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into mes_genealogy (tenant_id, produced_item_id,"
                    + " produced_lot_id, consumed_item_id, consumed_lot_id, quantity, work_order_id, report_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Link link : links) {
                    insert.setString(1, tenantId);
                    insert.setLong(2, link.producedItem());
                    setLong(insert, 3, link.producedLot());
                    insert.setLong(4, link.consumedItem());
                    setLong(insert, 5, link.consumedLot());
                    insert.setBigDecimal(6, link.quantity());
                    insert.setLong(7, link.workOrderId());
                    insert.setLong(8, link.reportId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    /** The work order's lot of this output (created on first receipt), or one lot per serial number. */
    private List<OutputLot> outputLots(Item item, BookingRequest request, BigDecimal quantity, Map<Long, OutputLot> workOrderLots) {
        if (item.tracking == Tracking.NONE) {
            return List.of(new OutputLot(null, null, quantity));
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
                lots.add(createLot(item, serial).with(BigDecimal.ONE));
            }
            return lots;
        }
        return List.of(workOrderLot(item, request, workOrderLots).with(quantity));
    }

    /** {@code lots}: the work order's lots already found in this booking, by item (one look-up per output, not two). */
    private OutputLot workOrderLot(Item item, BookingRequest request, Map<Long, OutputLot> lots) {
        return lots.computeIfAbsent(item.id, id -> findOrCreateWorkOrderLot(item, request));
    }

    private OutputLot findOrCreateWorkOrderLot(Item item, BookingRequest request) {
        KnownLot known = request.knownWorkOrderLots() == null ? null : request.knownWorkOrderLots().get(item.id);
        if (known != null) {
            return lotRef(known.lotId(), known.lotNumber()); // a lot exists for good: no need to look again
        }
        String tenantId = tenant.requireEnterprise();
        OutputLot existing = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("select l.id, l.lot_number from mes_output_lot o"
                    + " join lot l on l.id = o.lot_id and l.tenant_id = o.tenant_id"
                    + " where o.tenant_id = ? and o.work_order_id = ? and o.item_id = ?")) {
                select.setString(1, tenantId);
                select.setLong(2, request.workOrderId());
                select.setLong(3, item.id);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? lotRef(r.getLong(1), r.getString(2)) : null;
                }
            }
        });
        if (existing != null) {
            return existing;
        }
        OutputLot lot = createLot(item, request.workOrderNumber());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into mes_output_lot (tenant_id, work_order_id,"
                    + " item_id, lot_id) values (?, ?, ?, ?)")) {
                insert.setString(1, tenantId);
                insert.setLong(2, request.workOrderId());
                insert.setLong(3, item.id);
                insert.setLong(4, lot.lotId());
                insert.executeUpdate();
            }
        });
        return lot;
    }

    /**
     * The lots the work orders have received into or linked consumption to so far, by work order and output item: one
     * statement for the reports of a group, read at its start ({@code BookingRequest.knownWorkOrderLots}). A lot
     * created later in the transaction is found by the booking's own look-up.
     */
    public Map<Long, Map<Long, KnownLot>> workOrderLots(java.util.Collection<Long> workOrderIds) {
        Map<Long, Map<Long, KnownLot>> lots = new java.util.HashMap<>();
        if (workOrderIds.isEmpty()) {
            return lots;
        }
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(workOrderIds));
        String tenantId = tenant.requireEnterprise();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement select = c.prepareStatement("select o.work_order_id, o.item_id, l.id, l.lot_number"
                    + " from mes_output_lot o join lot l on l.id = o.lot_id and l.tenant_id = o.tenant_id"
                    + " where o.tenant_id = ? and o.work_order_id in (" + org.pilotline.platform.persistence.SqlValues.placeholders(ids.size()) + ")")) {
                select.setString(1, tenantId);
                for (int i = 0; i < ids.size(); i++) {
                    select.setLong(i + 2, ids.get(i));
                }
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        lots.computeIfAbsent(r.getLong(1), id -> new java.util.HashMap<>())
                                .put(r.getLong(2), new KnownLot(r.getLong(3), r.getString(4)));
                    }
                }
            }
        });
        return lots;
    }

    private OutputLot createLot(Item item, String lotNumber) {
        Long existing = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("select id from lot where tenant_id = ? and item_id = ?"
                    + " and lot_number = ?")) {
                select.setString(1, tenant.requireEnterprise());
                select.setLong(2, item.id);
                select.setString(3, lotNumber);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? r.getLong(1) : null;
                }
            }
        });
        if (existing != null) {
            if (item.tracking == Tracking.SERIAL) {
                throw DomainException.conflict("serial-exists", "The serial number exists",
                        "Item '" + item.code + "' already has serial number " + lotNumber, new FieldError("serials", "has " + lotNumber + " twice"));
            }
            return lotRef(existing, lotNumber);
        }
        Lot lot = new Lot();
        lot.item = item;
        lot.lotNumber = lotNumber;
        lot.createdAt = Instant.now();
        em.persist(lot); // an identity insert: the row exists at once, for the SQL that refers to it
        return new OutputLot(lot, lotNumber, null);
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
            List<Lot> lots = em.createQuery("select l from Lot l where l.item.id = :item and l.lotNumber = :number", Lot.class)
                    .setParameter("item", item.id).setParameter("number", s.lotNumber()).getResultList();
            if (lots.isEmpty()) {
                throw DomainException.invalid("unknown-lot", "The scanned lot does not exist",
                        new FieldError("lots", "item '" + item.code + "' has no lot " + s.lotNumber()));
            }
            allocations.add(new LotPicker.Allocation(lots.get(0).id, s.lotNumber(), s.quantity()));
        }
        return allocations;
    }

    /**
     * Holds the stock of many (item, location) pairs in the ledger with one statement (the reports of a group, at its
     * start) and reads the lots held there: by lot id, for {@code BookingRequest.knownLots}.
     */
    public Map<Long, LotInfo> holdAll(java.util.Collection<StockLedger.Pair> pairs) {
        ledger.holdAll(pairs);
        Set<Long> lotIds = new java.util.TreeSet<>();
        for (StockLedger.Pair pair : pairs) {
            ledger.held(pair.item(), pair.location()).ifPresent(rows -> rows.forEach(r -> {
                if (r.lotId() != null) {
                    lotIds.add(r.lotId());
                }
            }));
        }
        return byIds("select id, lot_number, expires_on, created_at from lot where tenant_id = ? and id in ", lotIds, r -> {
            LocalDateTime created = r.getObject(4, LocalDateTime.class); // stored in UTC
            return new LotInfo(r.getString(2), r.getObject(3, LocalDate.class),
                    created == null ? null : created.toInstant(ZoneOffset.UTC));
        });
    }

    /**
     * Stock of the item at the location: per lot for tracked items, the lot-less balance otherwise. Where the ledger
     * holds the pair and its lots are known ({@link #holdAll}), from what is held (the same rows, locked, with this
     * transaction's moves applied); otherwise read.
     */
    private List<LotPicker.AvailableLot> available(Item item, Location location, Map<Long, LotInfo> knownLots) {
        boolean tracked = item.tracking != Tracking.NONE;
        java.util.Optional<List<StockLedger.HeldRow>> held = knownLots == null ? java.util.Optional.empty()
                : ledger.held(item.id, location.id);
        if (held.isPresent()) {
            List<LotPicker.AvailableLot> available = new ArrayList<>();
            boolean known = true;
            for (StockLedger.HeldRow row : held.get()) {
                boolean hasLot = row.lotId() != null;
                if (row.quantity().signum() <= 0 || tracked != hasLot) {
                    continue;
                }
                LotInfo lot = hasLot ? knownLots.get(row.lotId()) : null;
                if (hasLot && lot == null) {
                    known = false; // a lot that came after the group's start: read it all
                    break;
                }
                available.add(hasLot ? new LotPicker.AvailableLot(row.lotId(), lot.lotNumber(), lot.expiresOn(),
                        lot.createdAt(), row.quantity()) : new LotPicker.AvailableLot(null, null, null, null, row.quantity()));
            }
            if (known) {
                return available;
            }
        }
        String tenantId = tenant.requireEnterprise();
        ledger.writePending(); // the balances are read from the database below
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<LotPicker.AvailableLot> available = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select b.lot_id, l.lot_number, l.expires_on, l.created_at,"
                    + " b.quantity from stock_balance b force index (uk_stock_balance) left join lot l on l.id = b.lot_id and l.tenant_id = b.tenant_id"
                    + " where b.tenant_id = ? and b.item_id = ? and b.location_id = ? and b.quantity > 0")) {
                select.setString(1, tenantId);
                select.setLong(2, item.id);
                select.setLong(3, location.id);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        long lotId = r.getLong(1);
                        boolean hasLot = !r.wasNull();
                        if (tracked != hasLot) {
                            continue;
                        }
                        LocalDateTime created = r.getObject(4, LocalDateTime.class); // stored in UTC
                        available.add(hasLot ? new LotPicker.AvailableLot(lotId, r.getString(2),
                                r.getObject(3, LocalDate.class), created == null ? null : created.toInstant(ZoneOffset.UTC),
                                r.getBigDecimal(5)) : new LotPicker.AvailableLot(null, null, null, null, r.getBigDecimal(5)));
                    }
                }
            }
            return available;
        });
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

    /**
     * The items a booking moves, read with one statement into unmanaged instances that carry what the booking and the
     * ledger read (code, tracking, negative-stock rule) and serve as the moves' references: loading them as entities
     * costs Hibernate a new loader per call while the tenant filter is enabled (with the item's unit joined), and that
     * was the largest single cost of a report (docs/benchmarks/mes.md). Read in the report's transaction, so the
     * negative-stock rule is the one in force now.
     */
    private Map<Long, Item> items(BookingRequest request) {
        Set<Long> ids = new java.util.TreeSet<>();
        request.components().forEach(c -> ids.add(c.itemId()));
        request.receipts().forEach(r -> ids.add(r.itemId()));
        if (!ids.isEmpty()) {
            ids.add(request.producedItemId());
        }
        return knownOrRead(ids, request.knownItems(), this::readItems);
    }

    /** Those of {@code ids} the caller already had, the others read (one statement): the same instances either way. */
    private static <T> Map<Long, T> knownOrRead(Set<Long> ids, Map<Long, T> given,
                                                java.util.function.Function<Set<Long>, Map<Long, T>> read) {
        Map<Long, T> known = new java.util.HashMap<>();
        Set<Long> missing = new java.util.TreeSet<>();
        for (Long id : ids) {
            T found = given == null ? null : given.get(id);
            if (found != null) {
                known.put(id, found);
            } else {
                missing.add(id);
            }
        }
        known.putAll(read.apply(missing));
        return known;
    }

    private Map<Long, Item> readItems(Set<Long> ids) {
        String tenantId = tenant.requireEnterprise();
        return byIds("select id, version, code, name, tracking, allow_negative_stock from item where tenant_id = ?"
                + " and id in ", ids, r -> {
            Item item = new Item();
            item.id = r.getLong(1);
            item.version = r.getLong(2);
            item.tenantId = tenantId;
            item.code = r.getString(3);
            item.name = r.getString(4);
            item.tracking = Tracking.valueOf(r.getString(5));
            item.allowNegativeStock = r.getBoolean(6);
            return item;
        });
    }

    /** The staging and receipt locations with their warehouses' codes (for labels), one statement, unmanaged. */
    private Map<Long, Location> locations(BookingRequest request) {
        Set<Long> ids = new java.util.TreeSet<>();
        if (!request.components().isEmpty() && request.stagingLocationId() != null) {
            ids.add(request.stagingLocationId());
        }
        if (!request.receipts().isEmpty() && request.receiptLocationId() != null) {
            ids.add(request.receiptLocationId());
        }
        return knownOrRead(ids, request.knownLocations(), this::readLocations);
    }

    private Map<Long, Location> readLocations(Set<Long> ids) {
        String tenantId = tenant.requireEnterprise();
        return byIds("select l.id, l.version, l.code, l.name, l.active, w.id, w.version, w.code, w.name from location l"
                + " join warehouse w on w.id = l.warehouse_id and w.tenant_id = l.tenant_id where l.tenant_id = ?"
                + " and l.id in ", ids, r -> Location.fromRow(r, 1, tenantId));
    }

    /** One row mapped to an unmanaged instance. */
    private interface RowReader<T> {
        T read(ResultSet row) throws java.sql.SQLException;
    }

    /**
     * Rows of the caller's enterprise by id with one statement on the report's connection: {@code select} ends in
     * {@code in }, its one parameter before that is the tenant; the rows' first column is the id.
     */
    private <T> Map<Long, T> byIds(String select, Set<Long> ids, RowReader<T> reader) {
        Map<Long, T> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String tenantId = tenant.requireEnterprise();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement statement = c.prepareStatement(select + "(" + org.pilotline.platform.persistence.SqlValues.placeholders(ids.size()) + ")")) {
                statement.setString(1, tenantId);
                int i = 2;
                for (Long id : ids) {
                    statement.setLong(i++, id);
                }
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getLong(1), reader.read(r));
                    }
                }
            }
        });
        return found;
    }

    private static Item requireItem(Map<Long, Item> items, long id) {
        Item item = items.get(id);
        if (item == null) {
            // the order structure named it in this enterprise: only a concurrent deletion gets here
            throw DomainException.notFound("Item", id);
        }
        return item;
    }

    private Location requireLocation(Map<Long, Location> locations, Long id, String purpose) {
        Location location = id == null ? null : locations.get(id);
        if (location == null) {
            throw DomainException.unprocessable("no-" + purpose + "-location", "The work center has no " + purpose + " location",
                    "Set the work center's " + purpose + " location (PUT /api/mes/work-centers/{id}/settings) before reporting"
                            + " quantities that move stock");
        }
        return location;
    }
}
