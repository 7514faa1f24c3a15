package org.pilotline.mes.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.order.ProductionReported;
import org.pilotline.mes.inspection.Inspections;
import org.pilotline.mes.inspection.NonConformance;
import org.pilotline.mes.inspection.NonConformances;
import org.pilotline.mes.material.Backflush;
import org.pilotline.mes.material.MaterialBookings;
import org.pilotline.mes.material.OrderStructure;
import org.pilotline.mes.reason.ReasonPurpose;
import org.pilotline.mes.reason.Reasons;
import org.pilotline.mes.settings.ShopFloorSettings;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.OperationEvent;
import org.pilotline.mes.workorder.OperationLifecycle;
import org.pilotline.mes.workorder.OperationState;
import org.pilotline.mes.workorder.QuantityRules;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.mes.workorder.WorkOrderState;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a report to its operation, inside the report's transaction: the work order is locked first (so reports of
 * one order are applied one after another, and never deadlock; {@link WorkOrderRows} reads and writes it and its
 * operations), the transition is checked against the operation's
 * state machine, quantities against the quantity rules, then stock is booked, the successor is released, the work order
 * and the ERP production order follow.
 */
@ApplicationScoped
public class OperationReports {

    /**
     * What applying changed, for the report's answer; and the work units the order's operations are placed on (what
     * the report touched for the KPI roll-ups).
     */
    public record Applied(Operation operation, WorkOrder workOrder, MaterialBookings.Booked booked,
                          Inspections.Recorded inspection, Set<Long> workUnitIds) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    ShopFloorSettings settings;

    @Inject
    OrderStructure structures;

    @Inject
    MaterialBookings bookings;

    @Inject
    Reasons reasons;

    @Inject
    NonConformances nonConformances;

    @Inject
    Inspections inspections;

    @Inject
    Event<ProductionReported> progress;

    /** {@code reads}: what the reports of this transaction read ahead, the work order among it or not. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DomainException.class)
    Applied apply(Report report, ReportRequest r, Reporter who, GroupReads reads) {
        Session session = em.unwrap(Session.class);
        WorkOrderRows ahead = session.doReturningWork(c -> reads.takeRows(r.operationId(), c));
        WorkOrderRows rows = ahead != null ? ahead : session.doReturningWork(c -> WorkOrderRows.lock(c,
                tenant.requireEnterprise(), r.operationId())).orElseThrow(() -> DomainException.notFound("Operation",
                r.operationId()));
        WorkOrder order = rows.order;
        List<Operation> operations = rows.operations;
        Operation operation = operations.stream().filter(o -> o.id.equals(r.operationId())).findFirst().orElseThrow();
        // rework operations stand beside the routing's sequence: they neither wait for nor feed another operation
        List<Operation> sequence = operations.stream().filter(o -> !o.isRework()).toList();
        if (!order.state.acceptsReports()) {
            throw DomainException.conflict("work-order-closed", "The work order takes no more reports",
                    "Work order " + order.number + " is " + order.state, new FieldError("operationId", "work order is " + order.state));
        }
        if (who.isTerminal() && !runsAt(operation, who.terminalWorkCenterId())) {
            throw new DomainException(ProblemKind.FORBIDDEN, "wrong-terminal", "This terminal is at another work center",
                    "Operation " + operation.operationNo + " of work order " + order.number
                            + " does not run at this terminal's work center", List.of(new FieldError("operationId",
                    "runs at another work center")), Map.of("operationWorkCenterId", operation.workCenterId));
        }
        Instant at = report.occurredAt;
        MaterialBookings.Booked booked = new MaterialBookings.Booked(List.of(), List.of(), false);
        Inspections.Recorded inspection = null;
        switch (r.kind()) {
            case SETUP_START, START -> {
                placeOnWorkUnit(operation, r.workUnitId());
                transition(operation, order, eventOf(r.kind()), at);
            }
            case SETUP_END, RESUME -> transition(operation, order, eventOf(r.kind()), at);
            case PAUSE -> {
                reasons.require(r.reasonCode(), EnumSet.of(ReasonPurpose.PAUSE, ReasonPurpose.DOWNTIME), "reasonCode");
                OperationState from = operation.state;
                transition(operation, order, OperationEvent.PAUSE, at);
                operation.pausedFrom = from;
                operation.pauseReason = r.reasonCode();
            }
            case QUANTITY -> {
                requireQuantityState(operation, order);
                booked = reportQuantities(report, r, who, order, sequence, operation, reads);
            }
            case FINISH -> {
                if (r.hasQuantity()) {
                    requireQuantityState(operation, order);
                    booked = reportQuantities(report, r, who, order, sequence, operation, reads);
                }
                nonConformances.requireNoneOpen(operation, order);
                transition(operation, order, OperationEvent.FINISH, at);
                operation.actualEnd = at;
            }
            case INSPECTION -> {
                if (!operation.state.hasStarted() || operation.state == OperationState.FINISHED) {
                    throw invalidState(operation, order, "recording inspection results");
                }
                inspection = inspections.record(report.id, order, operation, r.characteristicId(), r.measured(),
                        r.concernsQuantity(), at, report.username);
            }
            case DOWNTIME -> throw new IllegalArgumentException("downtime is not an operation report");
        }
        operation.lastReportAt = at;
        releaseSuccessors(sequence);
        completeWhenLastFinished(order, operations, at);
        session.doWork(c -> reads.giveBack(rows, c)); // written now, or with the group's other reports at its end
        Set<Long> units = new java.util.TreeSet<>();
        operations.forEach(o -> {
            if (o.workUnitId != null) {
                units.add(o.workUnitId);
            }
        });
        return new Applied(operation, order, booked, inspection, units);
    }

    private boolean runsAt(Operation operation, Long workCenterId) {
        if (workCenterId == null || operation.workCenterId == workCenterId) {
            return true;
        }
        return !ids("select id from mes_operation_alternative where tenant_id = ? and operation_id = ?"
                + " and work_center_id = ?", operation.id, workCenterId).isEmpty();
    }

    /**
     * Ids by a select whose first parameter is the tenant, on the report's connection: the starts' look-ups of work
     * units and alternatives were HQL, which Hibernate translates anew on every call while its tenant filter is enabled
     * (a twentieth of a report's JVM time for the 4 % of reports that are starts, mesperf5's profile).
     */
    private List<Long> ids(String select, long... parameters) {
        String tenantId = tenant.requireEnterprise();
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement statement = c.prepareStatement(select)) {
                statement.setString(1, tenantId);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setLong(i + 2, parameters[i]);
                }
                List<Long> ids = new ArrayList<>();
                try (java.sql.ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * The work unit an operation starts on: the one the terminal names (it must belong to a work center the operation may
     * run at), else the one the schedule placed it on, else its work center's only one.
     */
    private void placeOnWorkUnit(Operation operation, Long workUnitId) {
        if (workUnitId == null) {
            if (operation.workUnitId == null) {
                // a work center with a single machine: that is where it runs
                List<Long> units = ids("select id from work_unit where tenant_id = ? and work_center_id = ? and active = true"
                        + " limit 2", operation.workCenterId);
                if (units.size() == 1) {
                    operation.workUnitId = units.get(0);
                }
            }
            return;
        }
        List<Long> centers = ids("select work_center_id from work_unit where tenant_id = ? and id = ?", workUnitId);
        if (centers.isEmpty() || !runsAt(operation, centers.get(0))) {
            throw DomainException.invalid("invalid-work-unit", "The work unit cannot run this operation",
                    new FieldError("workUnitId", "is not a work unit of a work center operation " + operation.operationNo
                            + " may run at"));
        }
        operation.workUnitId = workUnitId;
    }

    private static OperationEvent eventOf(ReportKind kind) {
        return switch (kind) {
            case SETUP_START -> OperationEvent.SETUP_START;
            case SETUP_END -> OperationEvent.SETUP_END;
            case START -> OperationEvent.START;
            case RESUME -> OperationEvent.RESUME;
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private void transition(Operation operation, WorkOrder order, OperationEvent event, Instant at) {
        OperationState next = OperationLifecycle.next(operation.state, event, operation.pausedFrom)
                .orElseThrow(() -> invalidState(operation, order, event.name()));
        if (operation.actualStart == null && next.hasStarted()) {
            operation.actualStart = at;
        }
        if (event == OperationEvent.RESUME) {
            operation.pausedFrom = null;
            operation.pauseReason = null;
        }
        operation.state = next;
        if (order.state == WorkOrderState.RELEASED && next.hasStarted()) {
            order.state = WorkOrderState.IN_PROGRESS;
            order.startedAt = at;
        }
    }

    private static DomainException invalidState(Operation operation, WorkOrder order, String what) {
        return new DomainException(ProblemKind.CONFLICT, "operation-state", "The operation cannot do that now",
                "Operation " + operation.operationNo + " of work order " + order.number + " is " + operation.state
                        + ": " + what + " is not allowed", List.of(new FieldError("kind", "not allowed while " + operation.state)),
                Map.of("actualState", operation.state.name()));
    }

    private static void requireQuantityState(Operation operation, WorkOrder order) {
        if (!operation.state.acceptsQuantity()) {
            throw invalidState(operation, order, "reporting quantities");
        }
    }

    private MaterialBookings.Booked reportQuantities(Report report, ReportRequest r, Reporter who, WorkOrder order,
                                                     List<Operation> operations, Operation operation, GroupReads reads) {
        if (operation.isRework()) {
            return reportRework(r, order, operation);
        }
        ShopFloorSettings.ForQuantity ahead = reads.settings(operation.workCenterId);
        ShopFloorSettings.ForQuantity configured = ahead != null ? ahead : settings.forQuantity(operation.workCenterId);
        refuseGoodCountedByMachine(r, who, order, operation, configured);
        int index = operations.indexOf(operation);
        Operation predecessor = index == 0 ? null : operations.get(index - 1);
        QuantityRules.Reported reported = new QuantityRules.Reported(r.goodOrZero(), r.scrapOrZero(), r.reworkOrZero());
        QuantityRules.Standing standing = new QuantityRules.Standing(order.quantity, configured.overDeliveryTolerance(),
                operation.goodQuantity, operation.processedQuantity(), predecessor == null ? null : predecessor.goodQuantity);
        QuantityRules.refusal(standing, reported).ifPresent(refusal -> {
            throw new DomainException(ProblemKind.UNPROCESSABLE, refusal.type(), "The quantity cannot be accepted",
                    refusal.detail(), List.of(new FieldError(refusal.field(), refusal.detail())), Map.of());
        });
        if (reported.scrap().signum() > 0) {
            reasons.require(r.reasonCode(), EnumSet.of(ReasonPurpose.SCRAP), "reasonCode");
        }
        operation.goodQuantity = operation.goodQuantity.add(reported.good());
        operation.scrapQuantity = operation.scrapQuantity.add(reported.scrap());
        operation.reworkQuantity = operation.reworkQuantity.add(reported.rework());
        order.scrapQuantity = order.scrapQuantity.add(reported.scrap());
        boolean last = index == operations.size() - 1;

        OrderStructure.Structure readAhead = reads.structure(order.productionOrderId);
        OrderStructure.Structure structure = readAhead != null ? readAhead
                : structures.ofProductionOrder(order.productionOrderId);
        Moves moves = moves(structure, operations, operation, reported, order.itemId);
        ShopFloorSettings.Locations center = configured.locations();
        MaterialBookings.Booked booked = bookings.book(new MaterialBookings.BookingRequest(order.id, order.number, order.itemId, report.id,
                report.clientId, report.username, moves.components(), center == null ? null : center.stagingLocationId(),
                moves.receipts(), center == null ? null : center.receiptLocationId(), r.lots(), r.serials(), structure.items(),
                configured.locationRows(), reads.workOrderLots(order.id), reads.lots()));
        if (last && reported.good().signum() > 0) {
            order.goodQuantity = order.goodQuantity.add(reported.good());
            progress.fire(new ProductionReported(order.productionOrderId, order.goodQuantity, false));
        }
        if (reported.scrap().signum() > 0) {
            nonConformances.raiseIfScrapAboveThreshold(order, operation, reported.scrap(), report.username);
        }
        return booked;
    }

    /** What a quantity report moves: the components it backflushes, and what it receives (at the last operation). */
    private record Moves(List<Backflush.Requirement> components, List<MaterialBookings.Receipt> receipts) {
    }

    /** {@code sequence}: the work order's operations without its rework operations, in order. */
    private static Moves moves(OrderStructure.Structure structure, List<Operation> sequence, Operation operation,
                               QuantityRules.Reported reported, long producedItemId) {
        boolean last = sequence.indexOf(operation) == sequence.size() - 1;
        Set<Integer> operationNos = new HashSet<>();
        sequence.forEach(o -> operationNos.add(o.operationNo));
        List<Backflush.Requirement> components = Backflush.requirements(structure.components(), operation.operationNo, last,
                operationNos, reported.good().add(reported.scrap()));
        List<MaterialBookings.Receipt> receipts = new ArrayList<>();
        if (last && reported.good().signum() > 0) {
            receipts.add(new MaterialBookings.Receipt(producedItemId, reported.good()));
            for (OrderStructure.Output output : structure.byAndCoProducts()) {
                BigDecimal quantity = reported.good().multiply(output.perUnit())
                        .setScale(output.decimals(), java.math.RoundingMode.HALF_UP);
                if (quantity.signum() > 0) {
                    receipts.add(new MaterialBookings.Receipt(output.itemId(), quantity));
                }
            }
        }
        return new Moves(components, receipts);
    }

    /**
     * At a group's start, after its reads ahead: holds the stock its quantity reports will move (each component at its
     * work center's staging location, each output at the receipt location), all with one statement in the ledger's
     * order, and reads the lots held there. Each report then picks and moves what is held, without locking or reading
     * pair by pair. A report refused later leaves its pairs held until the group ends, as it would its own.
     */
    void holdStock(List<ReportRequest> requests, GroupReads reads) {
        Set<StockLedger.Pair> pairs = new java.util.TreeSet<>();
        for (ReportRequest r : requests) {
            boolean quantity = r.kind() == ReportKind.QUANTITY || r.kind() == ReportKind.FINISH && r.hasQuantity();
            WorkOrderRows rows = quantity && r.operationId() != null ? reads.peekRows(r.operationId()) : null;
            if (rows == null) {
                continue;
            }
            Operation operation = rows.operations.stream().filter(o -> o.id.equals(r.operationId())).findFirst().orElseThrow();
            ShopFloorSettings.ForQuantity configured = reads.settings(operation.workCenterId);
            OrderStructure.Structure structure = reads.structure(rows.order.productionOrderId);
            if (operation.isRework() || configured == null || structure == null || configured.locations() == null) {
                continue;
            }
            Moves moves = moves(structure, rows.operations.stream().filter(o -> !o.isRework()).toList(), operation,
                    new QuantityRules.Reported(r.goodOrZero(), r.scrapOrZero(), r.reworkOrZero()), rows.order.itemId);
            Long staging = configured.locations().stagingLocationId();
            Long receipt = configured.locations().receiptLocationId();
            if (staging != null) {
                moves.components().forEach(c -> pairs.add(new StockLedger.Pair(c.itemId(), staging)));
            }
            if (receipt != null) {
                moves.receipts().forEach(c -> pairs.add(new StockLedger.Pair(c.itemId(), receipt)));
            }
        }
        if (!pairs.isEmpty()) {
            reads.lots().putAll(bookings.holdAll(pairs));
        }
    }

    /**
     * At a work center counting by machine the PLCs' part counts are the operation's good quantity ({@code
     * MachineCounting}): good pieces a person reports there would be counted twice. Scrap and rework are still reported
     * at the terminal, and a rework operation is counted at the terminal altogether (its pieces are the ones a
     * non-conformance held, which no machine counter tells apart). The refusal is kept like any other, so a replay of
     * the report is refused the same way.
     */
    private static void refuseGoodCountedByMachine(ReportRequest r, Reporter who, WorkOrder order, Operation operation,
                                                   ShopFloorSettings.ForQuantity configured) {
        if (r.goodOrZero().signum() > 0 && !who.machine() && configured.countsByMachine()) {
            throw DomainException.unprocessable("counted-by-machine", "The machines count the good pieces here",
                    "The work center of operation " + operation.operationNo + " of work order " + order.number
                            + " counts good pieces by machine; report scrap and rework only",
                    new FieldError("good", "is counted by the work center's machines"));
        }
    }

    /**
     * Quantities of a rework operation: at most the quantity its non-conformance held, good or scrap or rework again;
     * scrap counts for the order. No material is booked: the pieces were issued and received by the routing's steps.
     */
    private MaterialBookings.Booked reportRework(ReportRequest r, WorkOrder order, Operation operation) {
        NonConformance held = em.find(NonConformance.class, operation.reworkOf);
        QuantityRules.Reported reported = new QuantityRules.Reported(r.goodOrZero(), r.scrapOrZero(), r.reworkOrZero());
        QuantityRules.Standing standing = new QuantityRules.Standing(order.quantity, settings.overDeliveryTolerance(),
                operation.goodQuantity, operation.processedQuantity(), held.quantity);
        QuantityRules.refusal(standing, reported).ifPresent(refusal -> {
            throw new DomainException(ProblemKind.UNPROCESSABLE, refusal.type(), "The quantity cannot be accepted",
                    refusal.detail(), List.of(new FieldError(refusal.field(), refusal.detail())), Map.of());
        });
        if (reported.scrap().signum() > 0) {
            reasons.require(r.reasonCode(), EnumSet.of(ReasonPurpose.SCRAP), "reasonCode");
        }
        operation.goodQuantity = operation.goodQuantity.add(reported.good());
        operation.scrapQuantity = operation.scrapQuantity.add(reported.scrap());
        operation.reworkQuantity = operation.reworkQuantity.add(reported.rework());
        order.scrapQuantity = order.scrapQuantity.add(reported.scrap());
        return new MaterialBookings.Booked(List.of(), List.of(), false);
    }

    /** A waiting operation becomes ready once its predecessor has passed its transfer quantity (to the next) or finished. */
    private static void releaseSuccessors(List<Operation> operations) {
        for (int i = 1; i < operations.size(); i++) {
            Operation predecessor = operations.get(i - 1);
            Operation successor = operations.get(i);
            if (successor.state == OperationState.WAITING && QuantityRules.predecessorPassed(predecessor.state,
                    predecessor.goodQuantity, predecessor.transferQuantity)) {
                successor.state = OperationLifecycle.next(successor.state, OperationEvent.PREDECESSOR_PASSED, null)
                        .orElseThrow();
            }
        }
    }

    private void completeWhenLastFinished(WorkOrder order, List<Operation> operations, Instant at) {
        boolean allFinished = operations.stream().allMatch(o -> o.state == OperationState.FINISHED);
        if (allFinished && order.state.mayBecome(WorkOrderState.COMPLETED)) {
            order.state = WorkOrderState.COMPLETED;
            order.completedAt = at;
            progress.fire(new ProductionReported(order.productionOrderId, order.goodQuantity, true));
        }
    }
}
