package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.plan.ExceptionKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An exception message of a run as stored ({@code seq}: its place among the item's messages; {@code workingMinutes}:
 * for LEAD_TIME_SHORT, the working time the order's routing needs, else null).
 */
public record ExceptionRow(long runId, long itemId, String itemCode, int seq, ExceptionKind kind, LocalDate date,
                           LocalDate suggestedDate, BigDecimal quantity, String reference, Long workingMinutes) {
}
