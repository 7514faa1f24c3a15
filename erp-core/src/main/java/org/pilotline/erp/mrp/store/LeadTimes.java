package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.plan.PlannedOrder;

import java.time.LocalDate;
import java.util.List;

/**
 * Which planned production orders cannot be made within their lead time: their routing at their quantity needs more
 * working time than lies between the start of their release date and the end of their due date. Implemented where the
 * routings and calendars are read (the application's {@code RoutingLeadTimes}); the benchmark checks none.
 */
@FunctionalInterface
public interface LeadTimes {

    /** Checks nothing. */
    LeadTimes NONE = orders -> List.of();

    /**
     * A planned order whose routing does not fit its lead time.
     *
     * @param workingMinutes the working time its routing needs, in whole minutes
     * @param earliestEnd    the day its routing would end at the earliest, starting at its release date on its work
     *                       centers' calendars (operations one after another, capacity not counted); null when that is
     *                       more than a year away
     */
    record Shortfall(String itemCode, int number, long workingMinutes, LocalDate earliestEnd) {
    }

    List<Shortfall> check(List<PlannedOrder> orders);
}
