package org.pilotline.erp.calendar;

import org.pilotline.platform.problem.FieldError;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** What makes a set of shifts sensible: breaks inside their shift, shifts of a day not overlapping. */
public final class CalendarRules {

    private CalendarRules() {
    }

    /** One shift of the request on one weekday: what is stored. */
    public record DayShift(int requestIndex, int weekday, CalendarRequest.ShiftRequest shift) {
    }

    /**
     * The shifts of a request, one per weekday each names (weekday, or each of weekdays), in request order; a shift
     * that names no weekday, both forms, or one weekday twice is a problem.
     */
    public static List<DayShift> dayShifts(List<CalendarRequest.ShiftRequest> shifts, List<FieldError> problems) {
        List<DayShift> days = new ArrayList<>();
        for (int i = 0; i < shifts.size(); i++) {
            CalendarRequest.ShiftRequest shift = shifts.get(i);
            String field = "shifts[" + i + "]";
            if (shift.weekday() == null && shift.weekdays() == null) {
                problems.add(new FieldError(field + ".weekday", "is required (or weekdays)"));
            } else if (shift.weekday() != null && shift.weekdays() != null) {
                problems.add(new FieldError(field + ".weekdays", "give weekday or weekdays, not both"));
            } else if (shift.weekday() != null) {
                days.add(new DayShift(i, shift.weekday(), shift));
            } else if (shift.weekdays().stream().distinct().count() < shift.weekdays().size()) {
                problems.add(new FieldError(field + ".weekdays", "names a weekday twice"));
            } else {
                for (int day : shift.weekdays()) {
                    days.add(new DayShift(i, day, shift));
                }
            }
        }
        return days;
    }

    public static List<FieldError> shiftProblems(List<CalendarRequest.ShiftRequest> shifts) {
        List<FieldError> problems = new ArrayList<>();
        List<DayShift> days = dayShifts(shifts, problems);
        for (int i = 0; i < days.size(); i++) {
            DayShift day = days.get(i);
            CalendarRequest.ShiftRequest shift = day.shift();
            String field = "shifts[" + day.requestIndex() + "]";
            long shiftStart = minuteOfWeek(day.weekday(), shift.start());
            long shiftEnd = shiftStart + length(shift.start(), shift.end());
            var breaks = shift.breaks() == null ? List.<CalendarRequest.BreakRequest>of() : shift.breaks();
            boolean firstDayOfShift = i == 0 || days.get(i - 1).requestIndex() != day.requestIndex();
            for (int b = 0; b < breaks.size() && firstDayOfShift; b++) {
                long offset = length(shift.start(), breaks.get(b).start()) % (24 * 60);
                long breakLength = length(breaks.get(b).start(), breaks.get(b).end());
                if (offset + breakLength > shiftEnd - shiftStart || breakLength >= 24 * 60) {
                    problems.add(new FieldError(field + ".breaks[" + b + "]", "must lie inside its shift"));
                }
            }
            for (int j = 0; j < i; j++) {
                DayShift other = days.get(j);
                long otherStart = minuteOfWeek(other.weekday(), other.shift().start());
                long otherEnd = otherStart + length(other.shift().start(), other.shift().end());
                if (overlaps(shiftStart, shiftEnd, otherStart, otherEnd)) {
                    problems.add(new FieldError(field, other.requestIndex() == day.requestIndex()
                            ? "overlaps itself on the next of its weekdays (" + other.weekday() + ", " + day.weekday() + ")"
                            : "overlaps shift " + other.requestIndex() + " on weekday " + day.weekday()));
                }
            }
        }
        return problems;
    }

    /** Minutes from start to end, running into the next day when end is not after start (00:00–00:00 is 24 h). */
    static long length(LocalTime start, LocalTime end) {
        long minutes = Duration.between(start, end).toMinutes();
        return minutes <= 0 ? minutes + 24 * 60 : minutes;
    }

    private static long minuteOfWeek(int weekday, LocalTime time) {
        return (weekday - 1) * 24L * 60 + time.getHour() * 60L + time.getMinute();
    }

    private static boolean overlaps(long aStart, long aEnd, long bStart, long bEnd) {
        long week = 7L * 24 * 60;
        for (long shift : new long[]{-week, 0, week}) {
            if (aStart < bEnd + shift && bStart + shift < aEnd) {
                return true;
            }
        }
        return false;
    }
}
