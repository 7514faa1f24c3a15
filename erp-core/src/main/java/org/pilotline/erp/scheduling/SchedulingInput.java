package org.pilotline.erp.scheduling;

import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link SchedulingProblem} built from the enterprise's production orders, with what its ids stand for: a job is a
 * production order (id = order number), an operation is a routing operation of an order (id = "number/operationNo"),
 * a machine is a work unit (id = the work unit's id); and, by operation id, the material each operation waits for.
 */
public record SchedulingInput(SchedulingProblem problem, Horizon horizon, Map<String, OrderRef> orders,
                              Map<String, OperationRef> operations, Map<String, MachineRef> machines,
                              List<String> skippedOrders, Map<String, List<MaterialRef>> materials) {

    public SchedulingInput(SchedulingProblem problem, Horizon horizon, Map<String, OrderRef> orders,
                           Map<String, OperationRef> operations, Map<String, MachineRef> machines,
                           List<String> skippedOrders) {
        this(problem, horizon, orders, operations, machines, skippedOrders, Map.of());
    }

    /** What a supplier of material is. */
    public enum SupplierKind { PRODUCTION_ORDER, PURCHASE_ORDER }

    /**
     * A component an operation waits for: made by production order {@code supplierOrderId} — scheduled with it, then
     * {@code waitedOperationId} is its last operation, or not, then it is expected at {@code availableAt} (its due
     * time) — or bought on line {@code lineNo} of purchase order {@code supplierOrderId}, expected at
     * {@code availableAt} (the start of the line's due date).
     */
    public record MaterialRef(SupplierKind kind, long itemId, String itemCode, long supplierOrderId,
                              String supplierOrderNumber, Integer lineNo, String waitedOperationId,
                              Instant availableAt) {
    }

    public record OrderRef(long orderId, String number, Instant releaseAt, Instant dueAt, long weight) {
    }

    public record OperationRef(long orderId, String orderNumber, long routingOperationId, int operationNo, String name,
                               int routingPosition, Long transferBatch, Long transferLot) {
    }

    public record MachineRef(long workUnitId, String code, long workCenterId, String workCenterCode) {
    }

    public static String operationId(String orderNumber, int operationNo) {
        return orderNumber + "/" + operationNo;
    }
}
