package org.pilotline.kpi.time;

import java.time.Instant;
import java.util.List;

/**
 * Everything the KPIs of one work unit for one period are computed from: its time model and quantities, the work
 * orders it worked on (for their actual order execution time) and its finished operations against their schedule.
 */
public record WorkUnitRecords(long workUnitId, String code, String name, long workCenterId, String zone,
                              TimeModel time, Quantities quantities, List<WorkOrderSpan> workOrders,
                              List<FinishedOperation> finishedOperations) {

    /** A work order with an operation on the work unit: its actual execution, clipped to the period. */
    public record WorkOrderSpan(long workOrderId, String number, Instant start, Instant end) {
        public long seconds() {
            return java.time.Duration.between(start, end).getSeconds();
        }
    }

    /** An operation finished on the work unit in the period, and the end the live schedule planned for it. */
    public record FinishedOperation(long operationId, String workOrder, Instant plannedEnd, Instant actualEnd) {
        public boolean onTime() {
            return !actualEnd.isAfter(plannedEnd);
        }
    }
}
