package org.pilotline.mes.workorder;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantityRulesTest {

    private static BigDecimal q(String v) {
        return new BigDecimal(v);
    }

    private static QuantityRules.Reported good(String good) {
        return new QuantityRules.Reported(q(good), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void goodQuantityUpToTheOrderPlusToleranceIsAcceptedAndOneMoreIsOverDelivery() {
        // order 100, tolerance 5 % → at most 105 good
        var standing = new QuantityRules.Standing(q("100"), q("0.05"), q("100"), q("100"), null);
        assertTrue(QuantityRules.refusal(standing, good("5")).isEmpty());
        var refused = QuantityRules.refusal(standing, good("5.5")).orElseThrow();
        assertEquals("over-delivery", refused.type());
        assertEquals("good", refused.field());
    }

    @Test
    void anOperationCannotProcessMoreThanArrivedFromItsPredecessor() {
        var standing = new QuantityRules.Standing(q("100"), q("0"), q("20"), q("25"), q("30"));
        assertTrue(QuantityRules.refusal(standing, new QuantityRules.Reported(q("3"), q("1"), q("1"))).isEmpty());
        assertEquals("more-than-arrived",
                QuantityRules.refusal(standing, new QuantityRules.Reported(q("3"), q("2"), q("1"))).orElseThrow().type());
    }

    @Test
    void nothingOrNegativeIsRefusedNamingTheField() {
        var standing = new QuantityRules.Standing(q("10"), q("0"), q("0"), q("0"), null);
        assertEquals("good", QuantityRules.refusal(standing, good("0")).orElseThrow().field());
        assertEquals("scrap", QuantityRules.refusal(standing,
                new QuantityRules.Reported(q("1"), q("-1"), q("0"))).orElseThrow().field());
    }

    @Test
    void aSuccessorMayStartWhenTheTransferQuantityHasPassedOrThePredecessorFinished() {
        assertFalse(QuantityRules.predecessorPassed(OperationState.RUNNING, q("9"), q("10")));
        assertTrue(QuantityRules.predecessorPassed(OperationState.RUNNING, q("10"), q("10")));
        assertFalse(QuantityRules.predecessorPassed(OperationState.RUNNING, q("500"), null), "no overlap without a transfer quantity");
        assertTrue(QuantityRules.predecessorPassed(OperationState.FINISHED, q("0"), null));
    }
}
