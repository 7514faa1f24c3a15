package org.pilotline.erp.mrp.engine.plan;

import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;

import java.util.List;

/**
 * What converting a planned order into a purchase or production order puts into the next run's input: the order as
 * a scheduled receipt and, for a production order, its components as reservations (MRP does not explode open
 * production orders), with the quantities and dates the planned order's explosion had.
 */
public record Conversion(ScheduledReceipt receipt, List<ComponentReservation> reservations) {
}
