package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.OrderType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A planned order of a run as stored: the engine's planned order, its number within the item, the exception kinds
 * concerning it, and what the planner did with it.
 *
 * @param convertedTo the firmed planned order's reference when FIRMED, the production or purchase order's number
 *                    when CONVERTED
 */
public record PlannedOrderRow(long runId, long itemId, String itemCode, int number, OrderType type,
                              BigDecimal quantity, LocalDate releaseDate, LocalDate dueDate, String formula,
                              String routing, List<ExceptionKind> exceptions, PlannedOrderStatus status,
                              String convertedTo) {

    /** How a planner names it: item code and number. */
    public String name() {
        return itemCode + "#" + number;
    }
}
