package org.pilotline.erp.mrp;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.mrp.api.MrpDtos.ConversionView;
import org.pilotline.erp.mrp.api.MrpDtos.ConvertRequest;
import org.pilotline.erp.mrp.api.MrpDtos.ExceptionView;
import org.pilotline.erp.mrp.api.MrpDtos.FirmView;
import org.pilotline.erp.mrp.api.MrpDtos.NetChangeView;
import org.pilotline.erp.mrp.api.MrpDtos.PeggingNodeView;
import org.pilotline.erp.mrp.api.MrpDtos.PlannedOrderView;
import org.pilotline.erp.mrp.api.MrpDtos.RunRequest;
import org.pilotline.erp.mrp.api.MrpDtos.RunView;
import org.pilotline.erp.mrp.engine.PlanningParameters;
import org.pilotline.erp.mrp.engine.plan.Demand;
import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.PeggingNode;
import org.pilotline.erp.mrp.engine.plan.Supply;
import org.pilotline.erp.mrp.store.MrpRunner;
import org.pilotline.erp.mrp.store.PlanningInputLoader;
import org.pilotline.erp.mrp.store.RunParameters;
import org.pilotline.erp.mrp.store.RunStore;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderService;
import org.pilotline.erp.order.PurchaseOrderService;
import org.pilotline.erp.order.OrderDtos;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import static org.pilotline.platform.quantity.Decimals.plain;

/**
 * MRP use cases: start a regenerative run in the background, read its state and results, pegging trees, and the
 * planner's actions (firm, convert into a production or purchase order, net change after a sales order changed).
 * Run state lives in the database, so any replica answers for any run.
 */
@ApplicationScoped
public class MrpService {

    private static final Logger LOG = Logger.getLogger(MrpService.class);
    private static final ExceptionKind[] KINDS = ExceptionKind.values();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    PlantClock clock;

    @Inject
    MrpPlanCache cache;

    @Inject
    ProductionOrderService productionOrders;

    @Inject
    PurchaseOrderService purchaseOrders;

    @Inject
    org.pilotline.erp.order.DocumentNumbers numbers;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mrp-run");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ runs

    /** Queues a regenerative run and returns at once; the run goes on in the background. */
    public RunView startRun(RunRequest request) {
        String enterprise = tenant.requireEnterprise();
        RunRequest r = request == null ? new RunRequest(null, null, null, null, null, null, null) : request;
        PlanningParameters defaults = PlanningParameters.defaults();
        RunParameters parameters = new RunParameters(r.start() != null ? r.start() : clock.today(),
                r.weeks() != null ? r.weeks() : 52, r.calendarId(),
                r.forecastBackwardWeeks() != null ? r.forecastBackwardWeeks() : defaults.forecastBackwardWeeks(),
                r.forecastForwardWeeks() != null ? r.forecastForwardWeeks() : defaults.forecastForwardWeeks(),
                r.expediteWindowDays() != null ? r.expediteWindowDays() : defaults.expediteWindowDays(),
                r.deferToleranceDays() != null ? r.deferToleranceDays() : defaults.deferToleranceDays());
        long runId = jdbc(c -> {
            if (parameters.calendarId() != null && !exists(c, "select 1 from calendar where tenant_id = ? and id = ?",
                    enterprise, parameters.calendarId())) {
                throw DomainException.invalid("unknown-reference", "Calendar not found",
                        new FieldError("calendarId", "no calendar has id " + parameters.calendarId()));
            }
            if (exists(c, "select 1 from mrp_run where tenant_id = ? and status in ('QUEUED', 'RUNNING')"
                    + " and requested_at > ?", enterprise, java.sql.Timestamp.from(Instant.now().minusSeconds(1800)))) {
                throw DomainException.conflict("run-in-progress", "An MRP run is in progress",
                        "Wait until the enterprise's running MRP run has finished");
            }
            return RunStore.create(c, enterprise, caller.username(), parameters, Instant.now());
        });
        runner.submit(() -> TenantContext.runAs(enterprise, () -> execute(enterprise, runId, parameters)));
        return getRun(runId);
    }

    private void execute(String enterprise, long runId, RunParameters parameters) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            MrpRunner.RunResult result = MrpRunner.regenerate(c, dataSource::getConnection, enterprise, runId, parameters,
                    Runtime.getRuntime().availableProcessors());
            cache.put(enterprise, result.planned());
            LOG.infof("MRP run %d of %s: %d planned orders; load %.2f s, plan %.2f s, write %.2f s", runId, enterprise,
                    result.counts().plannedOrders(), result.timings().load(), result.timings().plan(),
                    result.timings().write());
            RunStore.purgeExcept(c, enterprise, runId);
        } catch (Exception e) {
            LOG.warnf(e, "MRP run %d of %s failed", runId, enterprise);
        }
    }

    public RunView getRun(long runId) {
        String enterprise = tenant.requireEnterprise();
        return view(jdbc(c -> RunStore.find(c, enterprise, runId)).orElseThrow(() -> DomainException.notFound("MRP run", runId)));
    }

    public RunView currentRun() {
        String enterprise = tenant.requireEnterprise();
        return view(jdbc(c -> RunStore.current(c, enterprise)).orElseThrow(() -> new DomainException(
                ProblemKind.NOT_FOUND, "no-plan", "There is no MRP plan yet", "Start an MRP run first")));
    }

    public Page<RunView> listRuns(PageRequest page) {
        String enterprise = tenant.requireEnterprise();
        List<RunStore.Run> runs = jdbc(c -> RunStore.list(c, enterprise, page.page() * page.size(), page.size()));
        long total = jdbc(c -> count(c, "select count(*) from mrp_run where tenant_id = ?", enterprise));
        return new Page<>(runs.stream().map(MrpService::view).toList(), page.page(), page.size(), total);
    }

    // ------------------------------------------------------------------------------------------------ results

    public Page<PlannedOrderView> plannedOrders(long runId, PageRequest page, Long itemId, String type,
                                                LocalDate dueFrom, LocalDate dueTo, String exception) {
        String enterprise = tenant.requireEnterprise();
        requireResults(runId);
        StringBuilder where = new StringBuilder(" from mrp_planned_order p join item i on i.id = p.item_id"
                + " and i.tenant_id = ? where p.run_id = ?");
        List<Object> args = new ArrayList<>(List.of(enterprise, runId));
        if (itemId != null) {
            where.append(" and p.item_id = ?");
            args.add(itemId);
        }
        if (type != null) {
            where.append(" and p.order_type = ?");
            args.add(switch (type) {
                case "PRODUCTION" -> "M";
                case "PURCHASE" -> "B";
                default -> throw DomainException.invalid("invalid-filter", "Unknown order type",
                        new FieldError("type", "must be PRODUCTION or PURCHASE"));
            });
        }
        if (dueFrom != null) {
            where.append(" and p.due_date >= ?");
            args.add(dueFrom);
        }
        if (dueTo != null) {
            where.append(" and p.due_date < ?");
            args.add(dueTo);
        }
        if (exception != null) {
            where.append(" and (p.exception_mask & ?) <> 0");
            args.add(1 << exceptionKind(exception, "exception").ordinal());
        }
        return jdbc(c -> {
            long total = count(c, "select count(*)" + where, args.toArray());
            List<PlannedOrderView> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select p.run_id, p.item_id, i.code, p.number, p.order_type,"
                    + " p.quantity, p.release_date, p.due_date, p.formula, p.routing, p.exception_mask, p.status,"
                    + " p.converted_to" + where + " order by " + plannedOrderSort(page) + " limit " + page.size()
                    + " offset " + (long) page.page() * page.size())) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(plannedOrder(rs));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    public PlannedOrderView plannedOrder(long runId, long itemId, int number) {
        String enterprise = tenant.requireEnterprise();
        requireResults(runId);
        return jdbc(c -> findPlannedOrder(c, enterprise, runId, itemId, number, false));
    }

    public Page<ExceptionView> exceptions(long runId, PageRequest page, Long itemId, String kind) {
        String enterprise = tenant.requireEnterprise();
        requireResults(runId);
        StringBuilder where = new StringBuilder(" from mrp_exception e join item i on i.id = e.item_id"
                + " and i.tenant_id = ? where e.run_id = ?");
        List<Object> args = new ArrayList<>(List.of(enterprise, runId));
        if (itemId != null) {
            where.append(" and e.item_id = ?");
            args.add(itemId);
        }
        if (kind != null) {
            where.append(" and e.kind = ?");
            args.add(exceptionKind(kind, "kind").name());
        }
        return jdbc(c -> {
            long total = count(c, "select count(*)" + where, args.toArray());
            List<ExceptionView> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select e.run_id, e.item_id, i.code, e.seq, e.kind, e.day,"
                    + " e.suggested_date, e.quantity, e.reference" + where + " order by e.day, i.code, e.seq limit "
                    + page.size() + " offset " + (long) page.page() * page.size())) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ExceptionView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getDate(6).toLocalDate(), date(rs.getDate(7)),
                                plain(rs.getBigDecimal(8)), rs.getString(9)));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    /** The pegging tree of a planned order: up to the top-level demands it serves, or down to its components' supplies. */
    public PeggingNodeView plannedOrderPegging(long runId, long itemId, int number, boolean up, int depth) {
        String enterprise = tenant.requireEnterprise();
        RunStore.Run run = requireResults(runId);
        PlannedOrderView order = jdbc(c -> findPlannedOrder(c, enterprise, runId, itemId, number, false));
        MrpRunner.Planned planned = planOf(enterprise, run);
        OrderRef ref = OrderRef.planned(order.itemCode(), number);
        return node(up ? planned.plan().peggingUp(ref) : planned.plan().peggingDownFromOrder(ref, depth));
    }

    /** The pegging tree of a sales order line: the supplies serving it, down through their components. */
    public PeggingNodeView salesOrderLinePegging(long runId, long salesOrderId, int lineNo, int depth) {
        String enterprise = tenant.requireEnterprise();
        RunStore.Run run = requireResults(runId);
        String number = jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select number from sales_order where tenant_id = ? and id = ?")) {
                bind(ps, enterprise, salesOrderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (number == null) {
            throw DomainException.notFound("Sales order", salesOrderId);
        }
        String reference = PlanningInputLoader.lineReference(number, lineNo);
        MrpRunner.Planned planned = planOf(enterprise, run);
        boolean planned_ = planned.plan().model().salesOrderLines().stream().anyMatch(l -> l.reference().equals(reference));
        if (!planned_) {
            throw new DomainException(ProblemKind.NOT_FOUND, "not-found", "Sales order line not in the plan",
                    "Sales order line " + reference + " is not open demand in MRP run " + runId);
        }
        return node(planned.plan().peggingDown(reference, depth));
    }

    // ------------------------------------------------------------------------------------------------ actions

    /** Firms a planned order of the current run: later runs keep it as it is (quantity, dates). */
    @Transactional
    public FirmView firm(long runId, long itemId, int number) {
        String enterprise = tenant.requireEnterprise();
        requireCurrent(runId);
        return jdbc(c -> {
            PlannedOrderView order = findPlannedOrder(c, enterprise, runId, itemId, number, true);
            if (!order.status().equals("PLANNED")) {
                throw DomainException.conflict("already-" + order.status().toLowerCase(), "The planned order is " + order.status().toLowerCase(),
                        "Planned order " + order.itemCode() + "#" + number + " is already " + order.status().toLowerCase()
                                + " (" + order.convertedTo() + ")");
            }
            String reference = numbers.next("FPO");
            try (PreparedStatement ps = c.prepareStatement("insert into mrp_firmed_order (tenant_id, reference, item_id,"
                    + " quantity, release_date, due_date, formula, status, version) values (?, ?, ?, ?, ?, ?, ?, 'FIRM', 0)")) {
                bind(ps, enterprise, reference, itemId, order.quantity(), order.releaseDate(), order.dueDate(), order.formula());
                ps.executeUpdate();
            }
            markPlannedOrder(c, runId, itemId, number, "F", reference);
            RunStore.countAction(c, enterprise, runId);
            return new FirmView(reference, findPlannedOrder(c, enterprise, runId, itemId, number, false));
        });
    }

    /**
     * Converts a planned (or firmed) order of the current run into a production order with its structure and routing,
     * or a purchase order of the given supplier, through the order services; 409 when it was converted already.
     */
    @Transactional
    public ConversionView convert(long runId, long itemId, int number, ConvertRequest request) {
        String enterprise = tenant.requireEnterprise();
        requireCurrent(runId);
        PlannedOrderView order = jdbc(c -> findPlannedOrder(c, enterprise, runId, itemId, number, true));
        if (order.status().equals("CONVERTED")) {
            throw DomainException.conflict("already-converted", "The planned order was converted already",
                    "Planned order " + order.itemCode() + "#" + number + " became " + order.convertedTo());
        }
        String note = "MRP run " + runId + ", planned order " + order.itemCode() + "#" + number;
        ConversionView converted;
        if (order.type().equals("PRODUCTION")) {
            OrderDtos.ProductionOrderView created = productionOrders.saveOrder(null, new OrderDtos.ProductionOrderRequest(
                    null, itemId, order.quantity(), order.releaseDate(), order.dueDate(), note, null, null), ProductionOrder.Origin.MRP);
            converted = new ConversionView("PRODUCTION", created.id(), created.number(), null);
        } else {
            Long supplier = request == null ? null : request.supplierId();
            if (supplier == null) {
                throw DomainException.invalid("supplier-required", "A purchase order needs a supplier",
                        new FieldError("supplierId", "is required to convert a planned purchase order"));
            }
            OrderDtos.PurchaseOrderView created = purchaseOrders.saveOrder(null, new OrderDtos.PurchaseOrderRequest(null,
                    supplier, null, null, note, List.of(new OrderDtos.LineRequest(1, itemId, order.quantity(), null,
                    order.dueDate(), null)), null));
            converted = new ConversionView("PURCHASE", created.id(), created.number(), null);
        }
        return jdbc(c -> {
            if (order.status().equals("FIRMED")) {
                try (PreparedStatement ps = c.prepareStatement("update mrp_firmed_order set status = 'CONVERTED',"
                        + " converted_to = ?, version = version + 1 where tenant_id = ? and reference = ?")) {
                    bind(ps, converted.orderNumber(), enterprise, order.convertedTo());
                    ps.executeUpdate();
                }
            }
            markPlannedOrder(c, runId, itemId, number, "C", converted.orderNumber());
            RunStore.countAction(c, enterprise, runId);
            return new ConversionView(converted.orderType(), converted.orderId(), converted.orderNumber(),
                    findPlannedOrder(c, enterprise, runId, itemId, number, false));
        });
    }

    /**
     * Re-plans the current run after a sales order changed (lines added, changed, shipped, removed, the order
     * cancelled), without a full run: only the affected items are planned again and rewritten.
     */
    public NetChangeView netChange(Long salesOrderId) {
        String enterprise = tenant.requireEnterprise();
        if (salesOrderId == null) {
            throw DomainException.invalid("invalid-request", "The sales order is required",
                    new FieldError("salesOrderId", "is required"));
        }
        ReentrantLock lock = cache.lockOf(enterprise);
        lock.lock();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long runId = RunStore.lockCurrent(c, enterprise).orElseThrow(() -> new DomainException(
                        ProblemKind.CONFLICT, "no-plan", "There is no MRP plan yet", "Start an MRP run first"));
                RunStore.Run run = RunStore.find(c, enterprise, runId).orElseThrow();
                if (run.actions() > 0) {
                    // the run's input does not hold the orders firmed or converted since: only a new run nets them
                    throw DomainException.conflict("plan-acted-on", "Start a new MRP run",
                            "Planned orders of MRP run " + runId + " were firmed or converted since it ran; a net change"
                                    + " would not see them. Start a regenerative run.");
                }
                PlanningInputLoader.SalesOrderState order = new PlanningInputLoader(c, enterprise).salesOrder(salesOrderId);
                if (order == null) {
                    throw DomainException.invalid("unknown-reference", "Sales order not found",
                            new FieldError("salesOrderId", "no sales order has id " + salesOrderId));
                }
                MrpRunner.Planned current = cache.get(enterprise, runId, run.netChanges()).orElse(null);
                if (current == null) {
                    current = MrpRunner.recreate(c, enterprise, run, Runtime.getRuntime().availableProcessors());
                }
                MrpRunner.NetChangeResult result = MrpRunner.netChange(c, enterprise, current, order);
                c.commit();
                cache.put(enterprise, result.planned());
                return new NetChangeView(runId, result.changedLines(), result.replannedItems(), result.rewrittenItems(),
                        result.planMillis(), result.writeMillis());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private RunStore.Run requireResults(long runId) {
        String enterprise = tenant.requireEnterprise();
        RunStore.Run run = jdbc(c -> RunStore.find(c, enterprise, runId)).orElseThrow(() -> DomainException.notFound("MRP run", runId));
        if (run.status() != RunStore.Status.COMPLETED) {
            throw DomainException.conflict("run-without-results", "The run has no results",
                    "MRP run " + runId + " is " + run.status() + (run.status() == RunStore.Status.SUPERSEDED
                            ? ": a later run replaced its results" : ""));
        }
        return run;
    }

    private void requireCurrent(long runId) {
        RunStore.Run run = requireResults(runId);
        if (!run.current()) {
            throw DomainException.conflict("not-current-run", "Only the current plan can be acted on",
                    "MRP run " + runId + " is not the enterprise's current plan");
        }
    }

    private MrpRunner.Planned planOf(String enterprise, RunStore.Run run) {
        Optional<MrpRunner.Planned> cached = cache.get(enterprise, run.id(), run.netChanges());
        if (cached.isPresent()) {
            return cached.get();
        }
        ReentrantLock lock = cache.lockOf(enterprise);
        lock.lock();
        try {
            return cache.get(enterprise, run.id(), run.netChanges()).orElseGet(() -> {
                MrpRunner.Planned planned = jdbc(c -> MrpRunner.recreate(c, enterprise, run,
                        Runtime.getRuntime().availableProcessors()));
                cache.put(enterprise, planned);
                return planned;
            });
        } finally {
            lock.unlock();
        }
    }

    private PlannedOrderView findPlannedOrder(Connection c, String enterprise, long runId, long itemId, int number,
                                              boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select p.run_id, p.item_id, i.code, p.number, p.order_type,"
                + " p.quantity, p.release_date, p.due_date, p.formula, p.routing, p.exception_mask, p.status,"
                + " p.converted_to from mrp_planned_order p join item i on i.id = p.item_id and i.tenant_id = ?"
                + " where p.run_id = ? and p.item_id = ? and p.number = ?" + (forUpdate ? " for update" : ""))) {
            bind(ps, enterprise, runId, itemId, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw DomainException.notFound("Planned order", itemId + "/" + number);
                }
                return plannedOrder(rs);
            }
        }
    }

    private static void markPlannedOrder(Connection c, long runId, long itemId, int number, String status, String to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update mrp_planned_order set status = ?, converted_to = ?"
                + " where run_id = ? and item_id = ? and number = ?")) {
            bind(ps, status, to, runId, itemId, number);
            ps.executeUpdate();
        }
    }

    private static PlannedOrderView plannedOrder(ResultSet rs) throws SQLException {
        int mask = rs.getInt(11);
        List<String> kinds = new ArrayList<>();
        for (ExceptionKind k : KINDS) {
            if ((mask & (1 << k.ordinal())) != 0) {
                kinds.add(k.name());
            }
        }
        String status = switch (rs.getString(12)) {
            case "F" -> "FIRMED";
            case "C" -> "CONVERTED";
            default -> "PLANNED";
        };
        return new PlannedOrderView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                rs.getString(5).equals("M") ? "PRODUCTION" : "PURCHASE", plain(rs.getBigDecimal(6)),
                rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10), kinds,
                status, rs.getString(13));
    }

    /**
     * By item and number (the clustered key: paging is cheap at any size), or by due date ({@code sort=dueDate}),
     * which sorts the run's matching rows first: fine with a filter, seconds for a whole large run.
     */
    private static String plannedOrderSort(PageRequest page) {
        List<String> sort = page.sort() == null ? List.of() : page.sort();
        if (sort.isEmpty() || sort.equals(List.of("item"))) {
            return "p.item_id, p.number";
        }
        if (sort.equals(List.of("dueDate"))) {
            return "p.due_date, p.item_id, p.number";
        }
        throw DomainException.invalid("invalid-sort", "Planned orders sort by item or dueDate",
                new FieldError("sort", "must be item or dueDate"));
    }

    private static ExceptionKind exceptionKind(String text, String field) {
        try {
            return ExceptionKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-filter", "Unknown exception kind",
                    new FieldError(field, "must be one of " + java.util.Arrays.toString(KINDS)));
        }
    }

    private static PeggingNodeView node(PeggingNode n) {
        List<PeggingNodeView> children = n.children().stream().map(MrpService::node).toList();
        if (n.isDemand()) {
            Demand d = n.demand();
            OrderRef parent = d.parentOrder();
            return new PeggingNodeView("DEMAND", d.kind().name(), d.itemCode(), d.date(), plain(n.quantity()),
                    plain(d.quantity()), parent != null && !parent.isPlanned() ? parent.reference() : d.reference(),
                    parent != null && parent.isPlanned() ? parent.plannedNumber() : null,
                    parent == null ? null : parent.itemCode(), children);
        }
        Supply s = n.supply();
        OrderRef order = s.order();
        return new PeggingNodeView("SUPPLY", s.kind().name(), s.itemCode(), s.date(), plain(n.quantity()),
                plain(s.quantity()), s.reference(), order != null && order.isPlanned() ? order.plannedNumber() : null,
                order == null ? null : order.itemCode(), children);
    }

    static RunView view(RunStore.Run r) {
        RunParameters p = r.parameters();
        double progress = r.status() == RunStore.Status.COMPLETED || r.status() == RunStore.Status.SUPERSEDED ? 1.0
                : r.itemsTotal() == 0 ? 0.0 : Math.min(0.99, (double) r.itemsPlanned() / r.itemsTotal());
        return new RunView(r.id(), r.status().name(), r.phase(), r.itemsPlanned(), r.itemsTotal(), progress, r.current(),
                r.requestedBy(), r.requestedAt(), r.startedAt(), r.finishedAt(), p.start(), p.weeks(), p.calendarId(),
                p.forecastBackwardWeeks(), p.forecastForwardWeeks(), p.expediteWindowDays(), p.deferToleranceDays(),
                r.items(), r.bomLines(), r.demandLines(), r.plannedOrders(), r.pegs(), r.exceptions(), r.netChanges(),
                r.actions(), r.error());
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs SQL on a connection of the datasource (enlisted in the caller's transaction, if there is one). */
    private <T> T jdbc(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("MRP database access failed", e);
        }
    }
}
