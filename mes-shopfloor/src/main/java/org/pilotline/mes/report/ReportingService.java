package org.pilotline.mes.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.Session;
import org.pilotline.mes.material.MaterialBookings;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Retry;
import org.pilotline.platform.persistence.RowsInsert;
import org.pilotline.platform.tenancy.TenantContext;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes reports from terminals and operators and applies each exactly once. The report row is written first in the
 * report's own transaction, under a unique key of the client's id: a second delivery — a retry after a lost answer, a
 * replay of an offline queue, the same report sent twice at once — either finds the row (and gets the first answer) or
 * waits on the key until the first transaction ends and then finds it. Report, stock moves and ERP progress commit
 * together or not at all; a refused report is kept with its problem, so that a replay is refused the same way.
 */
@ApplicationScoped
public class ReportingService {

    /** Reports may be queued offline for a long time, but never come from the future beyond a little clock skew. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Refusals that say nothing about the report itself, only about the moment: never kept as its answer. */
    private static final java.util.Set<String> TRANSIENT = java.util.Set.of("concurrent-update");

    /** The prefix of the client ids of machine counts' reports, which nobody else may use. */
    private static final String MACHINE_CLIENT_IDS = "machine:";

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    @Inject
    OperationReports operationReports;

    @Inject
    DowntimeReports downtimeReports;

    @Inject
    ObjectMapper json;

    @Inject
    org.pilotline.mes.settings.ShopFloorSettings settings;

    @Inject
    org.pilotline.mes.material.OrderStructure structures;

    @Inject
    MaterialBookings bookings;

    @Inject
    org.pilotline.erp.inventory.StockLedger ledger;

    @Inject
    jakarta.enterprise.event.Event<ReportsApplied> applied;

    public ReportOutcome report(ReportRequest request, Reporter who) {
        check(request, who);
        return applyAlone(request, who);
    }

    /** What is checked of a report before it is applied, alone or in a group: its shape, its client id, its enterprise. */
    void check(ReportRequest request, Reporter who) {
        tenant.requireEnterprise();
        checkShape(request, who.isTerminal());
        refuseMachineClientId(request, who);
    }

    /** Applies a checked report in a transaction of its own (retried after a deadlock), or answers it as a replay. */
    ReportOutcome applyAlone(ReportRequest request, Reporter who) {
        // No look-up first: a new report (nearly all of them) costs no extra statement; one sent again fails on the
        // unique key of its client id when its row is inserted, rolls back, and is answered from the row.
        try {
            return Retry.inNewTransaction(() -> {
                List<ReportApplied> done = new ArrayList<>(1);
                GroupWrites writes = startWrites(who.isTerminal() ? List.of(who.terminalId()) : List.of());
                ReportOutcome outcome = applyNew(request, who, done, writes, GroupReads.NONE);
                finish(writes, done, GroupReads.NONE);
                return outcome;
            });
        } catch (DomainException refused) {
            if (!isKept(refused)) {
                throw refused; // "try again" is no answer to keep: the replay must be able to apply it
            }
            return keepRefusal(request, who, refused);
        } catch (RuntimeException e) {
            return answerDuplicate(request, e);
        }
    }

    /**
     * A report whose row could not be inserted because of a unique key: sent before (replayed, whichever of its keys
     * the database named), or a new report under a number the terminal already used.
     */
    private ReportOutcome answerDuplicate(ReportRequest request, RuntimeException e) {
        if (isDuplicate(e, "uk_mes_report_client") || isDuplicate(e, "uk_mes_report_sequence")) {
            Optional<Report> earlier = byClientId(request.clientId());
            if (earlier.isPresent()) {
                return replay(earlier.get());
            }
            if (isDuplicate(e, "uk_mes_report_sequence")) {
                throw sequenceReused(request);
            }
        }
        throw e;
    }

    /**
     * Applies a new report in the current transaction: its row first (the unique keys decide there), then what it does.
     * A refusal is thrown as it is found, with whatever was written before it still to be rolled back by the caller.
     * What the applied report touched is added to {@code done}, for the caller to tell the observers once for all the
     * reports of its transaction ({@link #finish}). The terminal's operator is the one {@code group} read at
     * the start of the transaction; the terminal's contact and the report's answer are written at its end — a report
     * applied alone is a group of one.
     */
    ReportOutcome applyNew(ReportRequest request, Reporter who, List<ReportApplied> done, GroupWrites group,
                           GroupReads reads) {
        Report report = group.inserted(request.clientId());
        if (report == null) {
            report = newRow(request, who, group);
            insertAll(List.of(report)); // the unique keys decide here, before anything else is written
        }

        ReportOutcome outcome;
        java.util.Set<Long> touched;
        Instant touchedFrom = report.occurredAt;
        if (request.kind() == ReportKind.DOWNTIME || request.kind() == ReportKind.INSPECTION) {
            // reports that read the shop floor otherwise than through their work order's rows see it as written
            writeUnwritten(reads);
        }
        if (request.kind() == ReportKind.DOWNTIME) {
            DowntimeReports.Recorded downtime = downtimeReports.record(report, request, who);
            outcome = new ReportOutcome(report.id, report.clientId, report.kind, false, null, null, List.of(), List.of(),
                    downtime.id(), false, null);
            touched = java.util.Set.of(downtime.workUnitId());
            touchedFrom = downtime.from();
        } else {
            OperationReports.Applied applied = operationReports.apply(report, request, who, reads);
            MaterialBookings.Booked booked = applied.booked();
            report.negativeStock = booked.negativeStock();
            outcome = new ReportOutcome(report.id, report.clientId, report.kind, false, standing(applied.operation()),
                    standing(applied.workOrder()), booked.consumed(), booked.received(), null, booked.negativeStock(),
                    applied.inspection() == null ? null : new ReportOutcome.Inspection(applied.inspection().resultId(),
                            applied.inspection().withinLimits(), applied.inspection().nonConformance()));
            touched = applied.workUnitIds();
        }
        group.answer(report, outcome); // serialised at the end, when the stock moves have their ids
        if (who.isTerminal()) {
            group.seen(who.terminalId(), request.sequence(), report.receivedAt);
        }
        done.add(new ReportApplied(tenant.requireEnterprise(), report.id, report.kind, report.operationId,
                outcome.downtimeId(), report.occurredAt, touched, touchedFrom));
        return outcome;
    }

    /**
     * What the reports of this transaction read, read ahead for all of them: their work orders locked in id order (two
     * transactions that share work orders wait for each other instead of deadlocking) with their operations, and for
     * the quantity reports their work centers' settings, their orders' structures and their work orders' lots.
     */
    GroupReads startReads(List<ReportRequest> requests) {
        String tenantId = tenant.requireEnterprise();
        List<Long> operations = new ArrayList<>();
        for (ReportRequest r : requests) {
            if (r.kind() != ReportKind.DOWNTIME && r.operationId() != null) {
                operations.add(r.operationId());
            }
        }
        Map<Long, WorkOrderRows> rows = em.unwrap(Session.class).doReturningWork(c -> WorkOrderRows.lockAll(c, tenantId,
                operations));
        java.util.Set<Long> workCenters = new java.util.TreeSet<>();
        java.util.Set<Long> productionOrders = new java.util.TreeSet<>();
        java.util.Set<Long> workOrders = new java.util.TreeSet<>();
        for (ReportRequest r : requests) {
            WorkOrderRows of = r.operationId() == null ? null : rows.get(r.operationId());
            boolean quantity = r.kind() == ReportKind.QUANTITY || r.kind() == ReportKind.FINISH && r.hasQuantity();
            if (of != null && quantity) {
                of.operations.stream().filter(o -> o.id.equals(r.operationId()))
                        .forEach(o -> workCenters.add(o.workCenterId));
                productionOrders.add(of.order.productionOrderId);
                workOrders.add(of.order.id);
            }
        }
        GroupReads reads = new GroupReads(rows, settings.forQuantity(workCenters),
                structures.ofProductionOrders(productionOrders), bookings.workOrderLots(workOrders));
        // the balance changes of all the reports are written together at the end: each row once, by their sum
        ledger.deferWrites();
        operationReports.holdStock(requests, reads);
        return reads;
    }

    /**
     * Writes what the transaction's reports changed and gave back but did not write yet: their work orders' rows and the
     * stock balances. Before a savepoint (rolling back to it must take one report's changes only), before a report that
     * reads the shop floor otherwise, and at the end.
     */
    void writeUnwritten(GroupReads reads) {
        em.unwrap(Session.class).doWork(reads::writeUnwritten);
        ledger.writePending();
    }

    /** The writes of the reports of this transaction, gathered for its end, with the terminals' operators read now. */
    GroupWrites startWrites(java.util.Collection<Long> terminalIds) {
        String tenantId = tenant.requireEnterprise();
        bookings.deferLinks(); // the genealogy of all the reports, written with one statement at the end
        return em.unwrap(Session.class).doReturningWork(c -> GroupWrites.start(c, tenantId, terminalIds));
    }

    /**
     * The end of the transaction's reports: their work orders and operations, their genealogy, the terminals' contact
     * and the answers written, and the observers told what the applied reports touched.
     */
    void finish(GroupWrites writes, List<ReportApplied> done, GroupReads reads) {
        writeUnwritten(reads);
        bookings.writeDeferredLinks();
        em.unwrap(Session.class).doWork(c -> writes.write(c, this::write));
        if (!done.isEmpty()) {
            applied.fire(new ReportsApplied(tenant.requireEnterprise(), List.copyOf(done)));
        }
    }

    static DomainException noOperator() {
        return DomainException.conflict("operator-not-signed-in", "No operator is signed in at this terminal",
                "Sign in with badge and PIN before reporting", new FieldError("clientId", "no operator signed in"));
    }

    /** The row of a report to apply, as inserted before it is applied: answered 200 with its outcome to come. */
    private Report newRow(ReportRequest request, Reporter who, GroupWrites group) {
        Report report = newReport(request, who);
        if (who.isTerminal()) {
            report.username = group.operator(who.terminalId());
        }
        report.status = 200;
        report.outcome = "{}";
        report.tenantId = tenant.requireEnterprise();
        return report;
    }

    /**
     * The rows of a group's new reports, inserted with one statement at its start (the unique keys decide there for
     * all: a report sent again meanwhile fails the group, whose reports are then applied alone); {@link #applyNew} then
     * applies each on its row, and a report refused in the group gets its refusal written on it. Not inserted here:
     * reports whose terminal has no operator signed in (refused when applied).
     */
    void insertRows(List<ReportRequest> requests, List<Reporter> whos, GroupWrites group) {
        List<Report> rows = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Reporter who = whos.get(i);
            if (!who.isTerminal() || group.hasOperator(who.terminalId())) {
                rows.add(newRow(requests.get(i), who, group));
            }
        }
        insertAll(rows);
        rows.forEach(group::inserted);
    }

    /**
     * Report rows inserted with JDBC, as one multi-row statement (the driver rewrites the batch) when there are several:
     * a row is written twice in every report — here and with its answer at the end — and as an entity that cost
     * Hibernate a persist and a flush of the session each time. The instances stay unmanaged and get their ids.
     */
    private void insertAll(List<Report> reports) {
        em.unwrap(Session.class).doWork(c -> RowsInsert.insert(c, "insert into mes_report (tenant_id, client_id,"
                + " terminal_id, sequence_no, username, kind, operation_id, work_unit_id, good_quantity, scrap_quantity,"
                + " rework_quantity, reason_code, occurred_at, received_at, status, outcome, negative_stock)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reports, (insert, report) -> {
                    insert.setString(1, report.tenantId);
                    insert.setString(2, report.clientId);
                    insert.setObject(3, report.terminalId, Types.BIGINT);
                    insert.setObject(4, report.sequenceNo, Types.BIGINT);
                    insert.setString(5, report.username);
                    insert.setString(6, report.kind.name());
                    insert.setObject(7, report.operationId, Types.BIGINT);
                    insert.setObject(8, report.workUnitId, Types.BIGINT);
                    insert.setBigDecimal(9, report.goodQuantity);
                    insert.setBigDecimal(10, report.scrapQuantity);
                    insert.setBigDecimal(11, report.reworkQuantity);
                    insert.setString(12, report.reasonCode);
                    insert.setObject(13, utc(report.occurredAt));
                    insert.setObject(14, utc(report.receivedAt));
                    insert.setInt(15, report.status);
                    insert.setString(16, report.outcome);
                    insert.setBoolean(17, report.negativeStock);
                }, (report, id) -> report.id = id));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC); // the database keeps UTC
    }

    private Report newReport(ReportRequest request, Reporter who) {
        Report report = new Report();
        report.clientId = request.clientId();
        report.terminalId = who.terminalId();
        report.sequenceNo = who.isTerminal() ? request.sequence() : null;
        report.kind = request.kind();
        report.operationId = request.operationId();
        report.workUnitId = request.workUnitId();
        report.goodQuantity = request.good();
        report.scrapQuantity = request.scrap();
        report.reworkQuantity = request.rework();
        report.reasonCode = request.reasonCode();
        report.receivedAt = Instant.now();
        report.occurredAt = request.occurredAt() == null ? report.receivedAt : request.occurredAt();
        report.username = who.username();
        return report;
    }

    /** Keeps the refusal under the client's id (unless a twin got there first) and answers with it. */
    private ReportOutcome keepRefusal(ReportRequest request, Reporter who, DomainException refused) {
        try {
            QuarkusTransaction.requiringNew().run(() -> keepRefusalHere(request, who, refused));
        } catch (RuntimeException e) {
            return answerDuplicate(request, e);
        }
        throw refused;
    }

    /** Whether a refusal is one to keep as the report's answer (not a "try again"). */
    static boolean isKept(DomainException refused) {
        return !TRANSIENT.contains(refused.type());
    }

    /**
     * The refusal of a report whose row a group inserted at its start: written on that row with the group's answers
     * (the report's own changes were rolled back to its savepoint).
     */
    void keepRefusalOn(Report row, DomainException refused, GroupWrites group) {
        row.status = refused.kind().status();
        row.outcome = write(problemOf(refused));
        row.negativeStock = false;
        group.answer(row);
    }

    /** The refused report's row with its problem, written in the current transaction. */
    void keepRefusalHere(ReportRequest request, Reporter who, DomainException refused) {
        Report report = newReport(request, who);
        report.status = refused.kind().status();
        report.outcome = write(problemOf(refused));
        em.persist(report);
        em.flush();
    }

    private ReportOutcome replay(Report earlier) {
        if (earlier.status == 200) {
            return read(earlier.outcome, ReportOutcome.class).asReplay();
        }
        StoredProblem problem = read(earlier.outcome, StoredProblem.class);
        Map<String, Object> extensions = new LinkedHashMap<>(problem.extensions() == null ? Map.of() : problem.extensions());
        extensions.put("replayed", true);
        throw new DomainException(kindOf(earlier.status), problem.type(), problem.title(), problem.detail(),
                problem.fieldErrors(), extensions);
    }

    /** A refusal as stored with its report. */
    record StoredProblem(String type, String title, String detail, List<FieldError> fieldErrors,
                         Map<String, Object> extensions) {
    }

    private static StoredProblem problemOf(DomainException e) {
        return new StoredProblem(e.type(), e.title(), e.detail(), e.fieldErrors(), e.extensions());
    }

    private static ProblemKind kindOf(int status) {
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind.status() == status) {
                return kind;
            }
        }
        return ProblemKind.CONFLICT;
    }

    /** The checks of a report's shape that need no records (package-private: the report fuzz test calls it). */
    static void checkShape(ReportRequest r, boolean fromTerminal) {
        List<FieldError> problems = new ArrayList<>();
        if (fromTerminal && r.sequence() == null) {
            problems.add(new FieldError("sequence", "is required from a terminal"));
        }
        if (r.kind() == ReportKind.DOWNTIME) {
            if (r.workUnitId() == null && r.machineIntervalId() == null) {
                problems.add(new FieldError("workUnitId", "is required for DOWNTIME (or machineIntervalId)"));
            }
            if (r.machineIntervalId() == null && r.from() == null) {
                problems.add(new FieldError("from", "is required for DOWNTIME without machineIntervalId"));
            }
            if (r.from() != null && r.to() != null && !r.to().isAfter(r.from())) {
                problems.add(new FieldError("to", "must be after from"));
            }
        } else if (r.operationId() == null) {
            problems.add(new FieldError("operationId", "is required for " + r.kind()));
        }
        if (r.hasQuantity() && r.kind() != ReportKind.QUANTITY && r.kind() != ReportKind.FINISH) {
            problems.add(new FieldError("good", "quantities belong to QUANTITY or FINISH reports"));
        }
        if (r.kind() == ReportKind.QUANTITY && !r.hasQuantity()) {
            problems.add(new FieldError("good", "a QUANTITY report needs a good, scrap or rework quantity above zero"));
        }
        if (r.occurredAt() != null && r.occurredAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            problems.add(new FieldError("occurredAt", "lies in the future"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-report", "The report is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
    }

    /**
     * The client ids "machine:…" belong to the machines' part counts (MachineCounting): a person's report under one
     * would take the place of a count that is still to come, which would then be answered as a replay and never
     * counted.
     */
    private static void refuseMachineClientId(ReportRequest request, Reporter who) {
        if (!who.machine() && request.clientId() != null && request.clientId().startsWith(MACHINE_CLIENT_IDS)) {
            throw DomainException.invalid("invalid-report", "The report is not valid",
                    new FieldError("clientId", "must not begin with \"" + MACHINE_CLIENT_IDS + "\" (machine counts)"));
        }
    }

    private static DomainException sequenceReused(ReportRequest request) {
        return DomainException.conflict("sequence-reused", "The terminal already sent another report with this number",
                "Sequence number " + request.sequence() + " belongs to a different report of this terminal",
                new FieldError("sequence", "was used by another report"));
    }

    private Optional<Report> byClientId(String clientId) {
        return em.createQuery("select r from Report r where r.clientId = :id", Report.class)
                .setParameter("id", clientId).getResultStream().findFirst();
    }

    private static boolean isDuplicate(Throwable e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException cv && cv.getConstraintName() != null
                    && cv.getConstraintName().contains(constraint)) {
                return true;
            }
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException sql && sql.getMessage() != null
                    && sql.getMessage().contains(constraint)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static ReportOutcome.OperationStanding standing(Operation o) {
        return new ReportOutcome.OperationStanding(o.id, o.operationNo, o.state, o.goodQuantity.stripTrailingZeros(),
                o.scrapQuantity.stripTrailingZeros(), o.reworkQuantity.stripTrailingZeros());
    }

    private static ReportOutcome.WorkOrderStanding standing(WorkOrder w) {
        return new ReportOutcome.WorkOrderStanding(w.id, w.number, w.state, w.goodQuantity.stripTrailingZeros(),
                w.quantity.stripTrailingZeros());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the report's answer", e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a kept answer", e);
        }
    }
}
