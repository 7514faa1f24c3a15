package org.pilotline.erp.scheduling.solver.model;

/**
 * Overlap between an operation and its routing predecessor when parts move on in transfer batches of
 * {@code batchQuantity} out of a lot of {@code lotQuantity}: with {@code f = batchQuantity / lotQuantity},
 * <ul>
 *   <li>the operation may start once a fraction {@code f} of the predecessor's span has elapsed
 *       ({@code start ≥ predecessor.start + f × (predecessor.end − predecessor.start)}), and</li>
 *   <li>it cannot end before the last batch has arrived and been processed
 *       ({@code end ≥ predecessor.end + f × (end − start)}).</li>
 * </ul>
 * Spans are elapsed time on the machine (setup, processing and any break spanned), which assumes parts come off at an
 * even rate over the span. Both rules are linear (multiplied by {@code lotQuantity}), so they are exact in the CP-SAT
 * model. Without a transfer batch an operation starts after its predecessor ends.
 */
public record TransferBatch(long batchQuantity, long lotQuantity) {

    /** The earliest start the first batch allows after a predecessor placed at [predecessorStart, predecessorEnd). */
    public long earliestStartAfter(long predecessorStart, long predecessorEnd) {
        return -Math.floorDiv(-((lotQuantity - batchQuantity) * predecessorStart + batchQuantity * predecessorEnd),
                lotQuantity);
    }

    public boolean isValid() {
        return batchQuantity > 0 && lotQuantity >= batchQuantity;
    }
}
