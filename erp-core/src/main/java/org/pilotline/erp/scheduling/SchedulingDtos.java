package org.pilotline.erp.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.SolveStatus;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and views of the planner API. Times are UTC instants; {@code zone} is the plant's zone for display. */
public final class SchedulingDtos {

    private SchedulingDtos() {
    }

    @Schema(description = "Start a solve. Without scheduleId the live schedule is solved (created on first use). "
            + "Without orderIds every planned and released production order is scheduled (due before dueBefore if given).")
    public record SolveRequest(Long scheduleId,
                               @Schema(description = "default TARDINESS_THEN_MAKESPAN") Objective objective,
                               @Min(1) @Schema(description = "seconds, default 10") Integer timeLimitSeconds,
                               @Schema(description = "default 0; same seed and input give the same schedule") Long seed,
                               @Schema(description = "default true: repeatable (a deterministic work budget); false: "
                                       + "the best schedule the wall-clock limit allows") Boolean reproducible,
                               List<Long> orderIds,
                               @Schema(description = "nothing new starts before it; default now") Instant horizonStart,
                               LocalDate dueBefore) {
    }

    @Schema(description = "Move an operation to a machine and/or a start, pin it there and re-solve the schedule around it.")
    public record MoveRequest(@Schema(description = "a work unit eligible for the operation; default: where it is") Long workUnitId,
                              @Schema(description = "default: its current start") Instant start,
                              Objective objective, @Min(1) Integer timeLimitSeconds, Long seed, Boolean reproducible,
                              @Schema(description = "the schedule's version read; optional") Long version) {
    }

    @Schema(description = "A what-if copy of a schedule (default: of the live schedule).")
    public record ScheduleRequest(@NotBlank @Size(max = 200) String name, Long copyOf) {
    }

    public record SolveView(long id, long scheduleId, SolveState status, Objective objective, int timeLimitSeconds,
                            long seed, int orderCount, int operationCount, SolveStatus solverStatus, int improvements,
                            Long objectiveValue, Long objectiveBound, String foundBy, Long makespanMinutes,
                            Long weightedTardiness, long elapsedMs, boolean cancelRequested, String worker,
                            Instant heartbeatAt, String requestedBy, Instant requestedAt, Instant startedAt,
                            Instant finishedAt, String message) {
        public static SolveView of(ScheduleSolve s) {
            return new SolveView(s.id, s.scheduleId, s.status, s.objective, s.timeLimitSeconds, s.seed, s.orderCount,
                    s.operationCount, s.solverStatus, s.improvements, s.objectiveValue, s.objectiveBound, s.foundBy,
                    s.makespanMinutes, s.weightedTardiness, s.elapsedMs, s.cancelRequested, s.worker, s.heartbeatAt,
                    s.requestedBy, s.requestedAt, s.startedAt, s.finishedAt, s.message);
        }
    }

    public record ScheduleView(long id, ScheduleKind kind, String name, Long sourceScheduleId, Instant horizonStart,
                               String zone, Objective objective, Long makespanMinutes, Instant makespanEnd,
                               Long weightedTardiness, Integer lateOrders, Long lastSolveId, SolveState lastSolveStatus,
                               long orderCount, long operationCount, Instant createdAt, Instant changedAt, long version) {
        public static ScheduleView of(ProductionSchedule s, String zone, SolveState lastSolveStatus, long orders,
                                      long operations) {
            Instant end = s.horizonStart == null || s.makespanMinutes == null ? null
                    : s.horizonStart.plusSeconds(60 * s.makespanMinutes);
            return new ScheduleView(s.id, s.kind, s.name, s.sourceScheduleId, s.horizonStart, zone, s.objective,
                    s.makespanMinutes, end, s.weightedTardiness, s.lateOrders, s.lastSolveId, lastSolveStatus, orders,
                    operations, s.createdAt, s.changedAt, s.version);
        }
    }

    @Schema(description = "A component an operation waits for: made by a production order (kind PRODUCTION_ORDER, "
            + "orderId/orderNumber) or bought on a purchase order line (kind PURCHASE_ORDER, orderId/orderNumber/lineNo), "
            + "and when it is expected (the maker's scheduled end or first transfer batch, else its due time; the start "
            + "of the purchase line's due date)")
    public record MaterialWaitView(SchedulingInput.SupplierKind kind, long itemId, String itemCode, long orderId,
                                   String orderNumber, Integer lineNo, Instant availableAt) {
        public static MaterialWaitView of(ScheduleMaterialWait w) {
            return new MaterialWaitView(w.supplierKind, w.itemId, w.itemCode, w.supplierOrderId, w.supplierOrderNumber,
                    w.supplierLineNo, w.availableAt);
        }
    }

    public record OperationView(long id, long scheduleId, long orderId, String orderNumber, int operationNo, String name,
                                long workCenterId, String workCenterCode, long workUnitId, String workUnitCode,
                                Instant start, Instant end, long setupMinutes, long processingMinutes, boolean pinned,
                                @Schema(description = "the material it does not start before") List<MaterialWaitView> waitsFor) {
        public static OperationView of(ScheduleOperation o, String orderNumber) {
            return of(o, orderNumber, List.of());
        }

        public static OperationView of(ScheduleOperation o, String orderNumber, List<MaterialWaitView> waitsFor) {
            return new OperationView(o.id, o.scheduleId, o.productionOrderId, orderNumber, o.operationNo, o.operationName,
                    o.workCenterId, o.workCenterCode, o.workUnitId, o.workUnitCode, o.startAt, o.endAt, o.setupMinutes,
                    o.processingMinutes, o.pinned, waitsFor);
        }
    }

    public record MachineLane(long workUnitId, String workUnitCode, long workCenterId, String workCenterCode,
                              List<OperationView> operations) {
    }

    public record OrderLane(long orderId, String orderNumber, long weight, Instant releaseAt, Instant dueAt,
                            Instant completionAt, long tardinessMinutes, boolean late,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            @Schema(description = "its operations in routing order; absent when the Gantt is asked for "
                                    + "with orderOperations=false (each is in its machine's lane)")
                            List<OperationView> operations) {
    }

    @Schema(description = "Gantt data of a schedule, per machine (in time order) and per order (in routing order).")
    public record GanttView(long scheduleId, long version, String zone, Instant horizonStart, List<MachineLane> machines,
                            List<OrderLane> orders) {
    }

    /** The operation a link waited for. */
    public record WaitedFor(long orderId, String orderNumber, int operationNo) {
    }

    @Schema(description = "The time an operation crossed between being ready and starting: OUTSIDE_WORKING_TIME (ready "
            + "in a night, break, weekend or holiday), TOO_SHORT_BEFORE_BREAK (it may not be interrupted and the window "
            + "it was ready in ended at windowEndsAt, too soon for it), TRANSFER_BATCH (it starts later so as not to run "
            + "ahead of the last transfer batch); nextWindowAt is where it starts")
    public record GapView(BindingChain.GapKind kind, Instant windowEndsAt, Instant nextWindowAt) {
    }

    public record ChainLink(long operationId, long orderId, String orderNumber, int operationNo, long workUnitId,
                            String workUnitCode, String workCenterCode, Instant start, Instant end,
                            @Schema(description = "what held it: ROUTING_PREDECESSOR (its routing's previous operation), "
                                    + "MACHINE_PREDECESSOR (the previous operation on its work unit, possibly of another "
                                    + "order), MATERIAL (a component: the order making it, or a receipt), RELEASE (its "
                                    + "order's release), PINNED, WORKING_TIME (later than anything it waits for requires)")
                            BindingChain.Reason reason,
                            @Schema(description = "when what held it let it go") Instant readyAt,
                            @Schema(description = "the operation it waited for, if any") WaitedFor waitedFor,
                            @Schema(description = "for MATERIAL: the material it waited for") List<MaterialWaitView> material,
                            GapView gap, String explanation) {
    }

    @Schema(description = "Why an order ends when it does: the chain of operations and machines, earliest first, that "
            + "binds its completion; each link says what held the operation back.")
    public record LatenessView(long scheduleId, long orderId, String orderNumber, Instant dueAt, Instant completionAt,
                               long tardinessMinutes, boolean late, String summary, List<ChainLink> chain) {
    }

    public record Metrics(long scheduleId, String name, ScheduleKind kind, Long makespanMinutes, Long weightedTardiness,
                          Integer lateOrders) {
        public static Metrics of(ProductionSchedule s) {
            return new Metrics(s.id, s.name, s.kind, s.makespanMinutes, s.weightedTardiness, s.lateOrders);
        }
    }

    public record OrderDifference(long orderId, String orderNumber, Instant completionHere, Instant completionThere,
                                  Long differenceMinutes) {
    }

    @Schema(description = "Metrics of a schedule against another; differences are this one minus the other.")
    public record ComparisonView(Metrics schedule, Metrics other, Long makespanDifferenceMinutes,
                                 Long weightedTardinessDifference, Integer lateOrdersDifference,
                                 List<OrderDifference> orders) {
    }
}
