package org.pilotline.erp.scheduling.solver.model;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {

    /** 0–240 working, a 30-minute break, 270–480 working. */
    private final WorkingCalendar shiftWithBreak = WorkingCalendar.of(new TimeWindow(0, 240), new TimeWindow(270, 480));

    @Test
    void anOperationThatMustFitBetweenBreaksWaitsForTheNextWindowWhenItWouldRunIntoTheBreak() {
        assertEquals(OptionalLong.of(270), shiftWithBreak.earliestStart(200, 60, BreakRule.MUST_FIT_BETWEEN_BREAKS));
        assertTrue(shiftWithBreak.endOf(200, 60, BreakRule.MUST_FIT_BETWEEN_BREAKS).isEmpty());
    }

    @Test
    void anOperationThatMaySpanBreaksPausesOverTheBreak() {
        assertEquals(OptionalLong.of(200), shiftWithBreak.earliestStart(200, 60, BreakRule.MAY_SPAN_BREAKS));
        assertEquals(OptionalLong.of(290), shiftWithBreak.endOf(200, 60, BreakRule.MAY_SPAN_BREAKS));
    }

    @Test
    void anOperationCannotStartInABreakNorRunPastTheLastWindow() {
        assertTrue(shiftWithBreak.endOf(250, 10, BreakRule.MAY_SPAN_BREAKS).isEmpty());
        assertTrue(shiftWithBreak.endOf(470, 20, BreakRule.MAY_SPAN_BREAKS).isEmpty());
        assertTrue(shiftWithBreak.earliestStart(0, 500, BreakRule.MAY_SPAN_BREAKS).isEmpty());
        assertEquals(OptionalLong.of(0), shiftWithBreak.earliestStart(0, 450, BreakRule.MAY_SPAN_BREAKS));
    }

    @Test
    void anOperationSpanningSeveralBreaksEndsInTheWindowWhereItsWorkIsDone() {
        WorkingCalendar three = WorkingCalendar.of(new TimeWindow(0, 100), new TimeWindow(150, 200),
                new TimeWindow(300, 400));
        assertEquals(OptionalLong.of(330), three.endOf(80, 100, BreakRule.MAY_SPAN_BREAKS));
        assertEquals(OptionalLong.of(200), three.endOf(80, 70, BreakRule.MAY_SPAN_BREAKS));
    }

    @Test
    void touchingAndOverlappingWindowsAreMerged() {
        WorkingCalendar merged = WorkingCalendar.of(new TimeWindow(60, 120), new TimeWindow(0, 60),
                new TimeWindow(100, 130));
        assertEquals(1, merged.windows().size());
        assertEquals(new TimeWindow(0, 130), merged.windows().get(0));
    }
}
