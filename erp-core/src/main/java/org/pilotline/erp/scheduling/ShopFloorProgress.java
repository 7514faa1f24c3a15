package org.pilotline.erp.scheduling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the shop floor has already done with production orders, so that a schedule never moves the past: an operation
 * that started is fixed at its actual start on the work unit it runs on, one that finished at its actual start and end.
 * erp-core defines this; the MES implements it. Without an implementation nothing is fixed.
 */
public interface ShopFloorProgress {

    /**
     * One operation under way or done. {@code actualEnd} is null while it runs; {@code remainingQuantity} is what it
     * still has to make (zero once finished).
     */
    record Progress(int operationNo, long workUnitId, Instant actualStart, Instant actualEnd, BigDecimal remainingQuantity) {
    }

    /** By production order id: its operations that have started (finished or not), by operation number. */
    Map<Long, Map<Integer, Progress>> progressOf(Collection<Long> productionOrderIds);
}
