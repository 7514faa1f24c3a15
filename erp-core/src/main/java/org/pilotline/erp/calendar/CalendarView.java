package org.pilotline.erp.calendar;


import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

public record CalendarView(long id, String code, String name, String timeZone, List<Shift> shifts,
                           List<Holiday> holidays, long version) {

    public record Shift(int weekday, String name, LocalTime start, LocalTime end, List<Break> breaks) {
    }

    public record Break(LocalTime start, LocalTime end) {
    }

    public record Holiday(LocalDate day, String name) {
    }

    public static CalendarView of(Calendar c) {
        return new CalendarView(c.id, c.code, c.name, c.timeZone,
                c.shifts.stream().map(s -> new Shift(s.weekday, s.name, s.startsAt, s.endsAt,
                        s.breaks.stream().map(b -> new Break(b.startsAt, b.endsAt)).toList())).toList(),
                c.holidays.stream().map(h -> new Holiday(h.day, h.name)).toList(), c.version);
    }
}
