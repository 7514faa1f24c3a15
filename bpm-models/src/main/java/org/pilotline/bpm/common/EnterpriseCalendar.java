package org.pilotline.bpm.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.calendar.CalendarService;
import org.pilotline.erp.calendar.CalendarView;
import org.pilotline.erp.calendar.WorkingCalendar;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.equipment.EquipmentDtos.WorkCenterView;
import org.pilotline.erp.equipment.EquipmentService;
import org.pilotline.platform.paging.PageRequest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The working calendar of the caller's enterprise, for what the processes count in working days (lead times, promised
 * dates): the calendar most of its work centres use (the lower id on a tie); when no work centre has one, its first
 * calendar; when it keeps none, Monday to Friday in the plant's zone without holidays. Read through erp-core's
 * calendar and equipment services.
 */
@ApplicationScoped
public class EnterpriseCalendar {

    /** The calendar, and its code (null: the Monday-to-Friday default). */
    public record Chosen(WorkingCalendar calendar, String code) {
    }

    @Inject
    CalendarService calendars;

    @Inject
    EquipmentService equipment;

    @Inject
    PlantClock clock;

    public Chosen current() {
        List<WorkCenterView> centres = equipment.listWorkCenters(PageRequest.of(0, PageRequest.MAX_SIZE, null), null,
                null).items();
        Map<Long, Long> uses = centres.stream().filter(c -> c.calendarId() != null)
                .collect(Collectors.groupingBy(WorkCenterView::calendarId, Collectors.counting()));
        Long id = uses.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
        if (id == null) {
            id = calendars.listCalendars(PageRequest.of(0, 1, null), null).items().stream().map(CalendarView::id)
                    .findFirst().orElse(null);
        }
        if (id == null) {
            return new Chosen(mondayToFriday(clock.zone()), null);
        }
        CalendarView view = calendars.getCalendar(id);
        return new Chosen(of(view, clock.zone()), view.code());
    }

    static WorkingCalendar of(CalendarView view, ZoneId plantZone) {
        ZoneId zone = view.timeZone() == null || view.timeZone().isBlank() ? plantZone : ZoneId.of(view.timeZone());
        List<WorkingCalendar.Shift> shifts = view.shifts().stream()
                .map(s -> new WorkingCalendar.Shift(DayOfWeek.of(s.weekday()), s.start(), s.end(), s.breaks().stream()
                        .map(b -> new WorkingCalendar.Pause(b.start(), b.end())).toList()))
                .toList();
        Set<java.time.LocalDate> holidays = view.holidays().stream().map(CalendarView.Holiday::day)
                .collect(Collectors.toCollection(HashSet::new));
        return new WorkingCalendar(zone, shifts, holidays);
    }

    static WorkingCalendar mondayToFriday(ZoneId zone) {
        List<WorkingCalendar.Shift> shifts = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                shifts.add(new WorkingCalendar.Shift(day, LocalTime.of(8, 0), LocalTime.of(17, 0), List.of()));
            }
        }
        return new WorkingCalendar(zone, shifts, Set.of());
    }
}
