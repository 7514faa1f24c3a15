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

    public static List<FieldError> shiftProblems(List<CalendarRequest.ShiftRequest> shifts) {
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < shifts.size(); i++) {
            CalendarRequest.ShiftRequest shift = shifts.get(i);
            long shiftStart = minuteOfWeek(shift.weekday(), shift.start());
            long shiftEnd = shiftStart + length(shift.start(), shift.end());
            var breaks = shift.breaks() == null ? List.<CalendarRequest.BreakRequest>of() : shift.breaks();
            for (int b = 0; b < breaks.size(); b++) {
                long offset = length(shift.start(), breaks.get(b).start()) % (24 * 60);
                long breakLength = length(breaks.get(b).start(), breaks.get(b).end());
                if (offset + breakLength > shiftEnd - shiftStart || breakLength >= 24 * 60) {
                    problems.add(new FieldError("shifts[" + i + "].breaks[" + b + "]", "must lie inside its shift"));
                }
            }
            for (int j = 0; j < i; j++) {
                CalendarRequest.ShiftRequest other = shifts.get(j);
                long otherStart = minuteOfWeek(other.weekday(), other.start());
                long otherEnd = otherStart + length(other.start(), other.end());
                if (overlaps(shiftStart, shiftEnd, otherStart, otherEnd)) {
                    problems.add(new FieldError("shifts[" + i + "]", "overlaps shift " + j));
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
