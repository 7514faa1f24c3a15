package org.pilotline.erp.item;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemRulesTest {

    @Test
    void eachLotSizingPolicyNeedsItsParameters() {
        assertEquals("lotSizeQuantity", ItemRules.lotSizingProblems(new ItemRules.LotSizingSettings(
                LotSizing.FIXED_QUANTITY, null, null, null, null, null)).get(0).field());
        assertEquals("periodsOfSupply", ItemRules.lotSizingProblems(new ItemRules.LotSizingSettings(
                LotSizing.PERIODS_OF_SUPPLY, null, null, null, null, 0)).get(0).field());
        assertEquals("lotSizeMaximum", ItemRules.lotSizingProblems(new ItemRules.LotSizingSettings(
                LotSizing.MIN_MAX_MULTIPLE, null, BigDecimal.TEN, BigDecimal.ONE, null, null)).get(0).field());
        assertTrue(ItemRules.lotSizingProblems(new ItemRules.LotSizingSettings(
                LotSizing.MIN_MAX_MULTIPLE, null, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.valueOf(2), null)).isEmpty());
    }

    @Test
    void serialTrackingNeedsWholeUnitsAndNoNegativeStock() {
        assertEquals("stockUnitId", ItemRules.trackingProblems(Tracking.SERIAL, 3, false).get(0).field());
        assertEquals("allowNegativeStock", ItemRules.trackingProblems(Tracking.LOT, 3, true).get(0).field());
        assertTrue(ItemRules.trackingProblems(Tracking.SERIAL, 0, false).isEmpty());
    }
}
