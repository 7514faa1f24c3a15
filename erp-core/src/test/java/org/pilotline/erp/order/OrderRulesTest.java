package org.pilotline.erp.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderRulesTest {

    private static OrderRules.Fulfilment line(int ordered, int done) {
        return new OrderRules.Fulfilment(BigDecimal.valueOf(ordered), BigDecimal.valueOf(done));
    }

    @Test
    void fulfilmentOfTheLinesDecidesTheStatus() {
        assertEquals(PurchaseOrderStatus.RELEASED, OrderRules.afterReceipt(List.of(line(10, 0), line(5, 0))));
        assertEquals(PurchaseOrderStatus.PARTIALLY_RECEIVED, OrderRules.afterReceipt(List.of(line(10, 4), line(5, 0))));
        assertEquals(PurchaseOrderStatus.RECEIVED, OrderRules.afterReceipt(List.of(line(10, 10), line(5, 5))));
        assertEquals(SalesOrderStatus.PARTIALLY_SHIPPED, OrderRules.afterShipment(List.of(line(10, 10), line(5, 1))));
    }

    @Test
    void onlySensibleTransitionsAreAllowed() {
        assertTrue(OrderRules.maySales(SalesOrderStatus.DRAFT, SalesOrderStatus.CONFIRMED));
        assertFalse(OrderRules.maySales(SalesOrderStatus.PARTIALLY_SHIPPED, SalesOrderStatus.CANCELLED));
        assertFalse(OrderRules.mayPurchase(PurchaseOrderStatus.CANCELLED, PurchaseOrderStatus.RELEASED));
        assertTrue(OrderRules.mayProduction(ProductionOrderStatus.PLANNED, ProductionOrderStatus.RELEASED));
        assertFalse(OrderRules.mayProduction(ProductionOrderStatus.COMPLETED, ProductionOrderStatus.CANCELLED));
    }
}
