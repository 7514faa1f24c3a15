package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.pilotline.erp.scheduling.SchedulingInput.MachineRef;
import org.pilotline.erp.scheduling.SchedulingInput.MaterialRef;
import org.pilotline.erp.scheduling.SchedulingInput.OperationRef;
import org.pilotline.erp.scheduling.SchedulingInput.OrderRef;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.Precedence;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain;
import org.pilotline.erp.scheduling.solver.schedule.JobCompletion;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleMetrics;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a solver schedule into a production schedule: its orders and operation assignments, what held each operation
 * (for the late-order explanation), the material each waits for, and its metrics. An operation row keeps its id across
 * writes (matched by order and operation number) so that clients can go on referring to it; operations no longer
 * scheduled are removed.
 */
@ApplicationScoped
public class ScheduleWriter {

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(long scheduleId, SchedulingInput input, Schedule schedule, ScheduleMetrics metrics,
                      Objective objective, long solveId) {
        ProductionSchedule target = ProductionSchedule.<ProductionSchedule>find("id", scheduleId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (target == null) {
            return; // the what-if copy was deleted meanwhile
        }
        Horizon horizon = input.horizon();
        Map<String, BindingChain.Hold> holds = BindingChain.holds(input.problem(), schedule);
        Map<String, ScheduleOperation> existing = new HashMap<>();
        for (ScheduleOperation row : ScheduleOperation.<ScheduleOperation>list("scheduleId", scheduleId)) {
            existing.put(row.productionOrderId + "/" + row.operationNo, row);
        }
        for (ScheduledOperation placed : schedule.operations()) {
            OperationRef ref = input.operations().get(placed.operationId());
            MachineRef machine = input.machines().get(placed.machineId());
            ScheduleOperation row = existing.remove(ref.orderId() + "/" + ref.operationNo());
            if (row == null) {
                row = new ScheduleOperation();
                row.scheduleId = scheduleId;
                row.productionOrderId = ref.orderId();
                row.operationNo = ref.operationNo();
            }
            row.routingOperationId = ref.routingOperationId();
            row.operationName = ref.name();
            row.routingPosition = ref.routingPosition();
            row.workCenterId = machine.workCenterId();
            row.workCenterCode = machine.workCenterCode();
            row.workUnitId = machine.workUnitId();
            row.workUnitCode = machine.code();
            row.startAt = horizon.instantAt(placed.start());
            row.endAt = horizon.instantAt(placed.end());
            row.setupMinutes = placed.setupMinutes();
            row.processingMinutes = placed.processingMinutes();
            row.pinned = placed.pinned();
            row.transferBatch = ref.transferBatch();
            row.transferLot = ref.transferLot();
            recordHold(row, holds.get(placed.operationId()), input);
            if (row.id == null) {
                row.persist();
            }
        }
        existing.values().forEach(ScheduleOperation::delete);
        writeMaterialWaits(scheduleId, input, schedule);

        ScheduleOrder.delete("scheduleId", scheduleId);
        for (JobCompletion completion : metrics.jobs()) {
            OrderRef ref = input.orders().get(completion.jobId());
            ScheduleOrder order = new ScheduleOrder();
            order.scheduleId = scheduleId;
            order.productionOrderId = ref.orderId();
            order.orderNumber = ref.number();
            order.releaseAt = ref.releaseAt();
            order.dueAt = ref.dueAt();
            order.weight = ref.weight();
            order.completionAt = horizon.instantAt(completion.completion());
            order.tardinessMinutes = completion.tardiness();
            order.persist();
        }
        target.horizonStart = horizon.start();
        target.objective = objective;
        target.makespanMinutes = metrics.makespan();
        target.weightedTardiness = metrics.totalWeightedTardiness();
        target.lateOrders = (int) metrics.lateJobCount();
        target.lastSolveId = solveId;
        target.changedAt = Instant.now();
        ProductionSchedule.flush();
    }

    /** What held the operation at this solve, in ERP terms; the late-order explanation follows it. */
    private static void recordHold(ScheduleOperation row, BindingChain.Hold hold, SchedulingInput input) {
        OperationRef waited = hold == null || hold.waitedFor() == null ? null : input.operations().get(hold.waitedFor());
        row.heldBy = hold == null ? null : hold.reason();
        row.heldByOrderId = waited == null ? null : waited.orderId();
        row.heldByOperationNo = waited == null ? null : waited.operationNo();
        row.readyAt = hold == null ? null : input.horizon().instantAt(hold.readyAt());
        BindingChain.Gap gap = hold == null ? null : hold.gap();
        row.gap = gap == null ? null : gap.kind();
        row.gapWindowEnd = gap == null || gap.windowEnd() == null ? null : input.horizon().instantAt(gap.windowEnd());
    }

    /** The material each operation waits for, with when it is expected in this schedule. */
    private static void writeMaterialWaits(long scheduleId, SchedulingInput input, Schedule schedule) {
        ScheduleMaterialWait.delete("scheduleId", scheduleId);
        if (input.materials().isEmpty()) {
            return;
        }
        Map<String, ScheduledOperation> placed = new HashMap<>();
        schedule.operations().forEach(operation -> placed.put(operation.operationId(), operation));
        Map<String, Operation> operations = new HashMap<>();
        input.problem().jobs().forEach(job -> job.operations().forEach(o -> operations.put(o.id(), o)));
        input.materials().forEach((operationId, waits) -> {
            OperationRef consumer = input.operations().get(operationId);
            for (MaterialRef wait : waits) {
                ScheduleMaterialWait row = new ScheduleMaterialWait();
                row.scheduleId = scheduleId;
                row.productionOrderId = consumer.orderId();
                row.operationNo = consumer.operationNo();
                row.itemId = wait.itemId();
                row.itemCode = wait.itemCode();
                row.supplierKind = wait.kind();
                row.supplierOrderId = wait.supplierOrderId();
                row.supplierOrderNumber = wait.supplierOrderNumber();
                row.supplierLineNo = wait.lineNo();
                row.availableAt = wait.waitedOperationId() == null ? wait.availableAt()
                        : availableFrom(placed.get(wait.waitedOperationId()), operations.get(operationId),
                        wait.waitedOperationId(), input.horizon());
                row.persist();
            }
        });
    }

    /** The maker's end, or its first transfer batch where the consumer may overlap it. */
    private static Instant availableFrom(ScheduledOperation maker, Operation consumer, String makerOperationId,
                                         Horizon horizon) {
        if (maker == null) {
            return null;
        }
        TransferBatch transfer = consumer.waitsFor().stream()
                .filter(waited -> waited.operationId().equals(makerOperationId)).findFirst()
                .map(Precedence::transfer).orElse(null);
        return horizon.instantAt(transfer == null ? maker.end() : transfer.earliestStartAfter(maker.start(), maker.end()));
    }

    /** Copies the orders and operations of one schedule into another (a what-if copy). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copy(ProductionSchedule from, ProductionSchedule to) {
        to.horizonStart = from.horizonStart;
        to.objective = from.objective;
        to.makespanMinutes = from.makespanMinutes;
        to.weightedTardiness = from.weightedTardiness;
        to.lateOrders = from.lateOrders;
        for (ScheduleOrder order : ScheduleOrder.<ScheduleOrder>list("scheduleId", from.id)) {
            ScheduleOrder copy = new ScheduleOrder();
            copy.scheduleId = to.id;
            copy.productionOrderId = order.productionOrderId;
            copy.orderNumber = order.orderNumber;
            copy.releaseAt = order.releaseAt;
            copy.dueAt = order.dueAt;
            copy.weight = order.weight;
            copy.completionAt = order.completionAt;
            copy.tardinessMinutes = order.tardinessMinutes;
            copy.persist();
        }
        List<ScheduleOperation> operations = ScheduleOperation.list("scheduleId", from.id);
        for (ScheduleOperation operation : operations) {
            ScheduleOperation copy = new ScheduleOperation();
            copy.scheduleId = to.id;
            copy.productionOrderId = operation.productionOrderId;
            copy.routingOperationId = operation.routingOperationId;
            copy.operationNo = operation.operationNo;
            copy.operationName = operation.operationName;
            copy.routingPosition = operation.routingPosition;
            copy.workCenterId = operation.workCenterId;
            copy.workCenterCode = operation.workCenterCode;
            copy.workUnitId = operation.workUnitId;
            copy.workUnitCode = operation.workUnitCode;
            copy.startAt = operation.startAt;
            copy.endAt = operation.endAt;
            copy.setupMinutes = operation.setupMinutes;
            copy.processingMinutes = operation.processingMinutes;
            copy.pinned = operation.pinned;
            copy.transferBatch = operation.transferBatch;
            copy.transferLot = operation.transferLot;
            copy.heldBy = operation.heldBy;
            copy.heldByOrderId = operation.heldByOrderId;
            copy.heldByOperationNo = operation.heldByOperationNo;
            copy.readyAt = operation.readyAt;
            copy.gap = operation.gap;
            copy.gapWindowEnd = operation.gapWindowEnd;
            copy.persist();
        }
        ScheduleMaterialWait.<ScheduleMaterialWait>list("scheduleId", from.id)
                .forEach(wait -> wait.copyTo(to.id).persist());
    }
}
