package org.pilotline.erp.scheduling.solver.cpsat;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.BreakRule;
import org.pilotline.erp.scheduling.solver.model.TimeWindow;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarEncodingTest {

    @Test
    void spanGroupsGiveEveryStartTheSpanTheCalendarComputes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 40; round++) {
            WorkingCalendar calendar = randomCalendar(random);
            long work = 1 + random.nextInt(120);
            List<CalendarEncoding.SpanGroup> groups = CalendarEncoding.spanGroups(calendar, work, 0, 1000);
            for (long start = 0; start <= 1000; start++) {
                OptionalLong end = calendar.endOf(start, work, BreakRule.MAY_SPAN_BREAKS);
                CalendarEncoding.SpanGroup containing = null;
                for (CalendarEncoding.SpanGroup group : groups) {
                    if (group.contains(start)) {
                        assertTrue(containing == null, "a start belongs to one span group only");
                        containing = group;
                    }
                }
                if (end.isEmpty()) {
                    assertEquals(null, containing, "start " + start + " does not fit " + calendar);
                } else {
                    assertEquals(end.getAsLong() - start, containing.span(), "start " + start + " on " + calendar);
                }
            }
        }
    }

    @Test
    void startsWithinOneWindowAreExactlyTheStartsWhereTheOperationFitsBetweenBreaks() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 40; round++) {
            WorkingCalendar calendar = randomCalendar(random);
            long work = 1 + random.nextInt(80);
            long[][] starts = CalendarEncoding.startsWithinOneWindow(calendar, work, 0, 1000);
            for (long start = 0; start <= 1000; start++) {
                boolean allowed = false;
                for (long[] range : starts) {
                    allowed |= range[0] <= start && start <= range[1];
                }
                assertEquals(calendar.endOf(start, work, BreakRule.MUST_FIT_BETWEEN_BREAKS).isPresent(), allowed,
                        "start " + start + " of " + work + " on " + calendar);
            }
        }
    }

    private static WorkingCalendar randomCalendar(SplittableRandom random) {
        List<TimeWindow> windows = new ArrayList<>();
        long time = random.nextInt(30);
        while (time < 1100) {
            long length = 5 + random.nextInt(100);
            windows.add(new TimeWindow(time, time + length));
            time += length + 1 + random.nextInt(60);
        }
        return WorkingCalendar.of(windows);
    }
}
