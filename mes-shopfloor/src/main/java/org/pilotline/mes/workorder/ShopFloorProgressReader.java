package org.pilotline.mes.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.erp.scheduling.ShopFloorProgress;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tells the scheduler which operations have started or finished, where and when, so a re-solve never moves them. */
@ApplicationScoped
public class ShopFloorProgressReader implements ShopFloorProgress {

    @Inject
    EntityManager em;

    @Override
    public Map<Long, Map<Integer, Progress>> progressOf(Collection<Long> productionOrderIds) {
        Map<Long, Map<Integer, Progress>> progress = new HashMap<>();
        if (productionOrderIds.isEmpty()) {
            return progress;
        }
        List<Operation> started = em.createQuery("select o from Operation o join fetch o.workOrder w"
                        + " where w.productionOrderId in :orders and o.actualStart is not null and o.workUnitId is not null"
                        + " and o.reworkOf is null",
                Operation.class).setParameter("orders", productionOrderIds).getResultList();
        for (Operation o : started) {
            BigDecimal remaining = o.state == OperationState.FINISHED ? BigDecimal.ZERO
                    : o.workOrder.quantity.subtract(o.goodQuantity).max(BigDecimal.ZERO);
            progress.computeIfAbsent(o.workOrder.productionOrderId, k -> new HashMap<>()).put(o.operationNo,
                    new Progress(o.operationNo, o.workUnitId, o.actualStart,
                            o.state == OperationState.FINISHED ? o.actualEnd : null, remaining));
        }
        return progress;
    }
}
