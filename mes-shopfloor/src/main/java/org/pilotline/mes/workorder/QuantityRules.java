package org.pilotline.mes.workorder;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What quantity an operation may take: never more good pieces than the order asks for plus the enterprise's
 * over-delivery tolerance, and never more pieces processed (good, scrap and rework) than have arrived from the
 * predecessor. Plain Java; refusals are returned as values, the service turns them into 422s.
 */
public final class QuantityRules {

    /** A refused quantity: a stable type slug, the field to blame and a sentence for the person at the terminal. */
    public record Refusal(String type, String field, String detail) {
    }

    /** Reported quantities of one report; each zero or more. */
    public record Reported(BigDecimal good, BigDecimal scrap, BigDecimal rework) {

        public BigDecimal processed() {
            return good.add(scrap).add(rework);
        }
    }

    /** What the operation has so far, and what it may still take. */
    public record Standing(BigDecimal orderQuantity, BigDecimal overDeliveryTolerance, BigDecimal goodSoFar,
                           BigDecimal processedSoFar, BigDecimal arrivedFromPredecessor) {
    }

    private QuantityRules() {
    }

    /** The most good pieces the order may yield: its quantity plus the tolerance (a fraction: 0.05 is 5 %). */
    public static BigDecimal goodCeiling(BigDecimal orderQuantity, BigDecimal overDeliveryTolerance) {
        return orderQuantity.add(orderQuantity.multiply(overDeliveryTolerance));
    }

    public static Optional<Refusal> refusal(Standing standing, Reported reported) {
        if (reported.good().signum() < 0 || reported.scrap().signum() < 0 || reported.rework().signum() < 0) {
            String field = reported.good().signum() < 0 ? "good" : reported.scrap().signum() < 0 ? "scrap" : "rework";
            return Optional.of(new Refusal("invalid-quantity", field, field + " must not be negative"));
        }
        if (reported.processed().signum() == 0) {
            return Optional.of(new Refusal("invalid-quantity", "good", "report a good, scrap or rework quantity above zero"));
        }
        BigDecimal ceiling = goodCeiling(standing.orderQuantity(), standing.overDeliveryTolerance());
        BigDecimal goodAfter = standing.goodSoFar().add(reported.good());
        if (goodAfter.compareTo(ceiling) > 0) {
            return Optional.of(new Refusal("over-delivery", "good", "good quantity would reach " + goodAfter.stripTrailingZeros().toPlainString()
                    + ", more than the order's " + standing.orderQuantity().stripTrailingZeros().toPlainString()
                    + " plus the over-delivery tolerance (at most " + ceiling.stripTrailingZeros().toPlainString() + ")"));
        }
        if (standing.arrivedFromPredecessor() != null) {
            BigDecimal processedAfter = standing.processedSoFar().add(reported.processed());
            if (processedAfter.compareTo(standing.arrivedFromPredecessor()) > 0) {
                return Optional.of(new Refusal("more-than-arrived", "good", "this operation would have processed "
                        + processedAfter.stripTrailingZeros().toPlainString() + " but only "
                        + standing.arrivedFromPredecessor().stripTrailingZeros().toPlainString()
                        + " good pieces have come from the previous operation"));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a predecessor has passed enough for its successor to start: it finished, or its good quantity reached the
     * transfer quantity (overlapping operations). Without a transfer quantity the successor waits for the finish.
     */
    public static boolean predecessorPassed(OperationState predecessorState, BigDecimal predecessorGood,
                                            BigDecimal transferQuantity) {
        if (predecessorState == OperationState.FINISHED) {
            return true;
        }
        return transferQuantity != null && transferQuantity.signum() > 0 && predecessorGood.compareTo(transferQuantity) >= 0;
    }
}
