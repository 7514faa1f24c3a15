package org.pilotline.app.bootstrap;

import org.pilotline.erp.calendar.CalendarRequest;
import org.pilotline.erp.calendar.CalendarRequest.BreakRequest;
import org.pilotline.erp.calendar.CalendarRequest.HolidayRequest;
import org.pilotline.erp.calendar.CalendarRequest.ShiftRequest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Working calendars of the demo plants. */
final class DemoCalendars {

    /** One shift: its start and end (an end at or before the start runs into the next day) and one break. */
    record Shift(String name, String start, String end, String breakStart, String breakEnd) {
    }

    private DemoCalendars() {
    }

    /**
     * Two shifts on the weekdays 1 (Monday) to {@code lastWeekday}, with China's public holidays of fixed date (New
     * Year's Day, Labour Day, National Day: the statutory days, without the moved working days) of this year and next.
     */
    static CalendarRequest twoShifts(String code, String name, int lastWeekday, LocalDate today, Shift early, Shift late) {
        List<ShiftRequest> shifts = new ArrayList<>();
        for (int weekday = 1; weekday <= lastWeekday; weekday++) {
            for (Shift s : List.of(early, late)) {
                shifts.add(new ShiftRequest(weekday, s.name(), LocalTime.parse(s.start()), LocalTime.parse(s.end()),
                        List.of(new BreakRequest(LocalTime.parse(s.breakStart()), LocalTime.parse(s.breakEnd())))));
            }
        }
        List<HolidayRequest> holidays = new ArrayList<>();
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            holidays.add(new HolidayRequest(LocalDate.of(year, 1, 1), "元旦 New Year's Day"));
            holidays.add(new HolidayRequest(LocalDate.of(year, 5, 1), "劳动节 Labour Day"));
            holidays.add(new HolidayRequest(LocalDate.of(year, 5, 2), "劳动节 Labour Day"));
            for (int day = 1; day <= 3; day++) {
                holidays.add(new HolidayRequest(LocalDate.of(year, 10, day), "国庆节 National Day"));
            }
        }
        return new CalendarRequest(code, name, null, shifts, holidays, null);
    }
}
