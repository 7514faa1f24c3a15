package org.pilotline.erp.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesOrderReviewRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Test
    void stockOnHandCoversAnOrderFromToday() {
        var promise = SalesOrderReviewRules.promise(new BigDecimal("10"), new TreeMap<>(), TODAY.plusDays(5),
                new BigDecimal("10"), TODAY);
        assertTrue(promise.covered());
        assertEquals(TODAY, promise.earliest());
        assertEquals(0, promise.available().compareTo(new BigDecimal("10")));
    }

    @Test
    void aSupplyDueAfterTheRequestedDateMakesThatItsEarliestDate() {
        TreeMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        changes.put(TODAY.plusDays(20), new BigDecimal("20"));
        var promise = SalesOrderReviewRules.promise(new BigDecimal("5"), changes, TODAY.plusDays(10),
                new BigDecimal("10"), TODAY);
        assertFalse(promise.covered());
        assertEquals(0, promise.available().compareTo(new BigDecimal("5")));
        assertEquals(TODAY.plusDays(20), promise.earliest());
    }

    @Test
    void anotherOrdersEarlierDemandComesFirstAndNothingCoversItWithoutSupply() {
        TreeMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        changes.put(TODAY.plusDays(3), new BigDecimal("-8"));
        var promise = SalesOrderReviewRules.promise(new BigDecimal("10"), changes, TODAY.plusDays(10),
                new BigDecimal("5"), TODAY);
        assertFalse(promise.covered());
        assertNull(promise.earliest());
    }

    @Test
    void noCreditLimitMeansWithinIt() {
        assertTrue(SalesOrderReviewRules.withinLimit(null, new BigDecimal("1000000")));
        assertTrue(SalesOrderReviewRules.withinLimit(new BigDecimal("100"), new BigDecimal("100")));
        assertFalse(SalesOrderReviewRules.withinLimit(new BigDecimal("100"), new BigDecimal("100.01")));
    }
}
