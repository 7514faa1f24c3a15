package org.pilotline.erp.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working time of a work center: shifts per weekday with their breaks, less holidays, in the plant's zone.
 * A shift whose end is not after its start runs into the next day and belongs to the day it starts on. Plain Java:
 * the scheduler, MRP and costing ask it for working intervals and working days.
 */
public final class WorkingCalendar {

    /** A break inside a shift, in plant-local time. */
    public record Pause(LocalTime start, LocalTime end) {
    }

    /** A shift on a weekday, in plant-local time. */
    public record Shift(DayOfWeek day, LocalTime start, LocalTime end, List<Pause> pauses) {
    }

    /** A stretch of working time, start inclusive, end exclusive. */
    public record Interval(Instant start, Instant end) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Shift>> shifts = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, List<Shift> shifts, Set<LocalDate> holidays) {
        this.zone = zone;
        for (Shift shift : shifts) {
            this.shifts.computeIfAbsent(shift.day(), d -> new ArrayList<>()).add(shift);
        }
        this.shifts.values().forEach(list -> list.sort(Comparator.comparing(Shift::start)));
        this.holidays = Set.copyOf(holidays);
    }

    /** Round the clock, every day: for work centers without a calendar. */
    public static WorkingCalendar allDay(ZoneId zone) {
        List<Shift> shifts = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            shifts.add(new Shift(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, List.of()));
        }
        return new WorkingCalendar(zone, shifts, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether work is planned on this plant-local date: some shift starts on it and it is not a holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return !holidays.contains(date) && !shifts.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty();
    }

    /**
     * The working day {@code days} working days before {@code date} (a lead-time offset); with 0, the latest
     * working day on or before {@code date}, so that nothing is released on a holiday.
     */
    public LocalDate workingDaysBefore(LocalDate date, int days) {
        LocalDate day = latestWorkingDayOnOrBefore(date);
        for (int i = 0; i < days; i++) {
            day = latestWorkingDayOnOrBefore(day.minusDays(1));
        }
        return day;
    }

    /** The working day {@code days} working days after {@code date}; with 0, the first working day on or after it. */
    public LocalDate workingDaysAfter(LocalDate date, int days) {
        LocalDate day = earliestWorkingDayOnOrAfter(date);
        for (int i = 0; i < days; i++) {
            day = earliestWorkingDayOnOrAfter(day.plusDays(1));
        }
        return day;
    }

    /** Working intervals overlapping [from, to), clipped to it, in time order. */
    public List<Interval> workingIntervalsBetween(Instant from, Instant to) {
        List<Interval> result = new ArrayList<>();
        // a shift that started the day before may run into the window
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            for (Shift shift : shifts.getOrDefault(date.getDayOfWeek(), List.of())) {
                for (Interval piece : workingPieces(date, shift)) {
                    Instant start = piece.start().isBefore(from) ? from : piece.start();
                    Instant end = piece.end().isAfter(to) ? to : piece.end();
                    if (start.isBefore(end)) {
                        result.add(new Interval(start, end));
                    }
                }
            }
        }
        result.sort(Comparator.comparing(Interval::start));
        return merge(result);
    }

    /** Total working time in [from, to). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        return workingIntervalsBetween(from, to).stream().map(Interval::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private List<Interval> workingPieces(LocalDate date, Shift shift) {
        ZonedDateTime start = date.atTime(shift.start()).atZone(zone);
        LocalDate endDate = shift.end().isAfter(shift.start()) ? date : date.plusDays(1);
        ZonedDateTime end = endDate.atTime(shift.end()).atZone(zone);
        List<Interval> pieces = new ArrayList<>();
        Instant cursor = start.toInstant();
        List<Pause> pauses = new ArrayList<>(shift.pauses());
        pauses.sort(Comparator.comparing(p -> pauseStart(date, shift, p)));
        for (Pause pause : pauses) {
            Instant pauseStart = pauseStart(date, shift, pause).toInstant();
            Instant pauseEnd = pauseStart.plus(Duration.between(pause.start(), pause.end()).plusDays(
                    pause.end().isAfter(pause.start()) ? 0 : 1));
            if (pauseStart.isAfter(cursor)) {
                pieces.add(new Interval(cursor, min(pauseStart, end.toInstant())));
            }
            cursor = max(cursor, pauseEnd);
        }
        if (cursor.isBefore(end.toInstant())) {
            pieces.add(new Interval(cursor, end.toInstant()));
        }
        return pieces;
    }

    /** A break belongs to the shift's first day unless it starts before the shift does (then to the next day). */
    private ZonedDateTime pauseStart(LocalDate date, Shift shift, Pause pause) {
        LocalDate day = pause.start().isBefore(shift.start()) ? date.plusDays(1) : date;
        return day.atTime(pause.start()).atZone(zone);
    }

    private LocalDate latestWorkingDayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        for (int guard = 0; !isWorkingDay(day); guard++) {
            requireSomeWorkingDay(guard);
            day = day.minusDays(1);
        }
        return day;
    }

    private LocalDate earliestWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        for (int guard = 0; !isWorkingDay(day); guard++) {
            requireSomeWorkingDay(guard);
            day = day.plusDays(1);
        }
        return day;
    }

    private void requireSomeWorkingDay(int guard) {
        if (guard > 3660) {
            throw new IllegalStateException("the calendar has no working day within ten years");
        }
    }

    private static List<Interval> merge(List<Interval> sorted) {
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : sorted) {
            Interval lastOne = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (lastOne != null && !interval.start().isAfter(lastOne.end())) {
                merged.set(merged.size() - 1, new Interval(lastOne.start(), max(lastOne.end(), interval.end())));
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
