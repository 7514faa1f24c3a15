package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.pilotline.erp.scheduling.SchedulingInput.MachineRef;
import org.pilotline.erp.scheduling.SchedulingInput.OperationRef;
import org.pilotline.erp.scheduling.SchedulingInput.OrderRef;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.schedule.JobCompletion;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleMetrics;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a solver schedule into a production schedule: its orders and operation assignments, and its metrics. An
 * operation row keeps its id across writes (matched by order and operation number) so that clients can go on
 * referring to it; operations no longer scheduled are removed.
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
            if (row.id == null) {
                row.persist();
            }
        }
        existing.values().forEach(ScheduleOperation::delete);

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
            copy.persist();
        }
    }
}
