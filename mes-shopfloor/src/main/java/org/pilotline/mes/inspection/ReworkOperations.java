package org.pilotline.mes.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.OperationState;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.math.BigDecimal;
import java.util.List;

/**
 * Adds a rework operation to a work order for the quantity a non-conformance holds (the "rework" disposition of the
 * non-conformance process). It is numbered right after the operation that found the defect, at that operation's work
 * center or another, ready to start at once; it stands beside the routing's sequence (see {@link Operation#reworkOf}).
 */
@ApplicationScoped
public class ReworkOperations {

    /** The rework operation added: its id and number within the work order. */
    public record ReworkOperation(long id, int operationNo) {
    }

    @Inject
    EntityManager em;

    /**
     * The new rework operation. 400 naming {@code field} for a non-conformance raised outside a work order, or a work
     * center that does not exist; 409 when the work order takes no more reports or no operation number is free
     * before the next operation.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DomainException.class)
    public ReworkOperation addReworkOperation(long nonConformanceId, Long workCenterId, String field,
                                            String workCenterField) {
        NonConformance ncr = Lookups.require(NonConformance.class, "Non-conformance", nonConformanceId);
        if (ncr.workOrderId == null || ncr.operationId == null) {
            throw DomainException.invalid("rework-without-operation", "Nothing to rework on",
                    new FieldError(field, ncr.number + " was raised outside a work-order operation; choose another"
                            + " disposition"));
        }
        WorkOrder order = em.find(WorkOrder.class, ncr.workOrderId, LockModeType.PESSIMISTIC_WRITE);
        if (!order.state.acceptsReports()) {
            throw DomainException.conflict("work-order-closed", "The work order takes no more operations",
                    "Work order " + order.number + " is " + order.state + "; " + ncr.number + " cannot be reworked on it",
                    new FieldError(field, "work order " + order.number + " is " + order.state));
        }
        List<Operation> operations = em.createQuery("select o from Operation o where o.workOrder = :wo"
                + " order by o.operationNo", Operation.class).setParameter("wo", order).getResultList();
        Operation found = operations.stream().filter(o -> o.id.equals(ncr.operationId)).findFirst().orElseThrow();
        int number = found.operationNo + 1;
        while (taken(operations, number)) {
            number++;
        }
        int ceiling = operations.stream().filter(o -> !o.isRework() && o.operationNo > found.operationNo)
                .mapToInt(o -> o.operationNo).min().orElse(Integer.MAX_VALUE);
        if (number >= ceiling) {
            throw DomainException.conflict("no-operation-number", "No operation number is free",
                    "Work order " + order.number + " has no free operation number between " + found.operationNo
                            + " and " + ceiling + " for the rework of " + ncr.number,
                    new FieldError(field, "no free operation number after " + found.operationNo));
        }
        long center = workCenterId == null ? found.workCenterId
                : Lookups.reference(WorkCenter.class, "Work center", workCenterId, workCenterField).id;
        Operation rework = new Operation();
        rework.workOrder = order;
        rework.operationNo = number;
        rework.name = "Rework " + ncr.number + ": " + found.name;
        rework.workCenterId = center;
        rework.setupMinutes = BigDecimal.ZERO;
        rework.runMinutesPerUnit = center == found.workCenterId ? found.runMinutesPerUnit : BigDecimal.ZERO;
        rework.state = OperationState.READY;
        rework.reworkOf = ncr.id;
        em.persist(rework);
        em.flush();
        return new ReworkOperation(rework.id, rework.operationNo);
    }

    private static boolean taken(List<Operation> operations, int number) {
        return operations.stream().anyMatch(o -> o.operationNo == number);
    }
}
