package org.pilotline.kpi.rollup;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BucketRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theHoursOfADayInThePlantsZoneAddUpToTheDayAlsoOnADaylightSavingChange() {
        LocalDate spring = LocalDate.of(2026, 3, 29);
        Bucket day = BucketRules.containing(Grain.DAY, BERLIN, spring.atTime(12, 0).atZone(BERLIN).toInstant());
        List<Bucket> hours = BucketRules.between(Grain.HOUR, BERLIN, day.start(), day.end().minusNanos(1));
        assertEquals(23, hours.size());
        assertEquals(day.start(), hours.get(0).start());
        assertEquals(day.end(), hours.get(hours.size() - 1).end());
        for (int i = 1; i < hours.size(); i++) {
            assertEquals(hours.get(i - 1).end(), hours.get(i).start());
        }
        assertEquals("2026-03-29", day.label());
        assertEquals("2026-03-29T03:00+02:00", hours.get(2).label());
    }

    @Test
    void weeksAreIsoWeeksFromMondayAndMonthsCalendarMonthsOfTheZone() {
        Instant sunday = LocalDate.of(2026, 3, 8).atTime(23, 30).atZone(SHANGHAI).toInstant();
        Bucket week = BucketRules.containing(Grain.WEEK, SHANGHAI, sunday);
        assertEquals(LocalDate.of(2026, 3, 2).atStartOfDay(SHANGHAI).toInstant(), week.start());
        assertEquals("2026-W10", week.label());
        Bucket month = BucketRules.containing(Grain.MONTH, SHANGHAI, Instant.parse("2026-02-28T16:30:00Z"));
        assertEquals("2026-03", month.label(), "half past midnight of 1 March in Shanghai");
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), month.start());
        assertEquals(Instant.parse("2026-03-31T16:00:00Z"), month.end());
        assertEquals("2025-W01", BucketRules.containing(Grain.WEEK, SHANGHAI,
                LocalDate.of(2024, 12, 31).atStartOfDay(SHANGHAI).toInstant()).label(), "ISO week-based year");
    }

    @Test
    void shiftsAreTheCalendarsOccurrencesWithANightShiftEndingNextDayAndNoneOnAHoliday() {
        List<BucketRules.ShiftPattern> patterns = List.of(
                new BucketRules.ShiftPattern(DayOfWeek.MONDAY, "early", LocalTime.of(6, 0), LocalTime.of(14, 0)),
                new BucketRules.ShiftPattern(DayOfWeek.MONDAY, "night", LocalTime.of(22, 0), LocalTime.of(6, 0)),
                new BucketRules.ShiftPattern(DayOfWeek.TUESDAY, "early", LocalTime.of(6, 0), LocalTime.of(14, 0)));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        List<Bucket> shifts = BucketRules.shifts(patterns, Set.of(), SHANGHAI, monday.atStartOfDay(SHANGHAI).toInstant(),
                monday.plusDays(2).atStartOfDay(SHANGHAI).toInstant());
        assertEquals(List.of("2026-03-02 early", "2026-03-02 night", "2026-03-03 early"),
                shifts.stream().map(Bucket::label).toList());
        assertEquals(monday.plusDays(1).atTime(6, 0).atZone(SHANGHAI).toInstant(), shifts.get(1).end());
        assertEquals(List.of("2026-03-03 early"), BucketRules.shifts(patterns, Set.of(monday), SHANGHAI,
                monday.atStartOfDay(SHANGHAI).toInstant(), monday.plusDays(2).atStartOfDay(SHANGHAI).toInstant())
                .stream().map(Bucket::label).toList());
    }
}
