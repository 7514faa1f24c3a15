package org.pilotline.erp.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Working calendars of the caller's enterprise. */
@ApplicationScoped
public class CalendarService {

    /** Working time is answered for at most this long a window. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    public record WorkingTime(Instant from, Instant to, long workingMinutes, List<WorkingCalendar.Interval> intervals) {
    }

    @Inject
    TenantContext tenant;

    public Page<CalendarView> listCalendars(PageRequest page, String text) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name");
        return Lookups.page(Calendar.find(filter.where(), page.toSort(Map.of("code", "code", "name", "name"), "id"),
                filter.parameters()), page, CalendarView::of);
    }

    public CalendarView getCalendar(long id) {
        tenant.requireEnterprise();
        return CalendarView.of(Lookups.require(Calendar.class, "Calendar", id));
    }

    @Transactional
    public CalendarView createCalendar(CalendarRequest request) {
        String enterprise = tenant.requireEnterprise();
        Lookups.requireFree(Calendar.find("code", request.code()), "Calendar", request.code(), null);
        Calendar calendar = new Calendar();
        apply(calendar, request, enterprise);
        calendar.persist();
        return CalendarView.of(calendar);
    }

    @Transactional
    public CalendarView updateCalendar(long id, CalendarRequest request) {
        String enterprise = tenant.requireEnterprise();
        Calendar calendar = Lookups.require(Calendar.class, "Calendar", id);
        Versions.requireCurrent("Calendar", id, request.version(), calendar.version);
        Lookups.requireFree(Calendar.find("code", request.code()), "Calendar", request.code(), id);
        apply(calendar, request, enterprise);
        Versions.bump(calendar);
        Calendar.flush();
        return CalendarView.of(calendar);
    }

    @Transactional
    public void deleteCalendar(long id) {
        tenant.requireEnterprise();
        Calendar calendar = Lookups.require(Calendar.class, "Calendar", id);
        if (Calendar.getEntityManager().createQuery("select count(w) from WorkCenter w where w.calendar = :c", Long.class)
                .setParameter("c", calendar).getSingleResult() > 0) {
            throw new DomainException(ProblemKind.CONFLICT, "calendar-in-use", "The calendar is in use",
                    "Work centers are assigned to calendar '" + calendar.code + "'");
        }
        calendar.delete();
    }

    public WorkingTime workingTime(long id, Instant from, Instant to) {
        tenant.requireEnterprise();
        if (from == null || to == null || !from.isBefore(to)) {
            throw DomainException.invalid("invalid-window", "Give a window with from before to",
                    new FieldError(from == null ? "from" : "to", "from and to are instants with from before to"));
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw DomainException.invalid("invalid-window", "The window is too long",
                    new FieldError("to", "at most 366 days after from"));
        }
        WorkingCalendar rules = Lookups.require(Calendar.class, "Calendar", id).workingCalendar();
        List<WorkingCalendar.Interval> intervals = rules.workingIntervalsBetween(from, to);
        long minutes = intervals.stream().mapToLong(i -> i.duration().toMinutes()).sum();
        return new WorkingTime(from, to, minutes, intervals);
    }

    private static void apply(Calendar calendar, CalendarRequest request, String enterprise) {
        String zone = request.timeZone() == null || request.timeZone().isBlank()
                ? Enterprise.findByCode(enterprise).map(e -> e.timeZone).orElse("UTC") : request.timeZone();
        List<FieldError> problems = new ArrayList<>();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(new FieldError("timeZone", "'" + zone + "' is not an IANA time zone"));
        }
        problems.addAll(CalendarRules.shiftProblems(request.shifts()));
        Set<java.time.LocalDate> days = new HashSet<>();
        List<CalendarRequest.HolidayRequest> holidays = request.holidays() == null ? List.of() : request.holidays();
        for (int i = 0; i < holidays.size(); i++) {
            if (!days.add(holidays.get(i).day())) {
                problems.add(new FieldError("holidays[" + i + "].day", "is listed twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-calendar", "The calendar is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
        calendar.code = request.code();
        calendar.name = request.name();
        calendar.timeZone = zone;
        calendar.shifts.clear();
        calendar.holidays.clear();
        Calendar.flush(); // the old rows go before the new ones arrive
        for (CalendarRules.DayShift day : CalendarRules.dayShifts(request.shifts(), new ArrayList<>())) {
            CalendarRequest.ShiftRequest s = day.shift();
            CalendarShift shift = new CalendarShift();
            shift.calendar = calendar;
            shift.weekday = day.weekday();
            shift.name = s.name();
            shift.startsAt = s.start();
            shift.endsAt = s.end();
            for (CalendarRequest.BreakRequest b : s.breaks() == null ? List.<CalendarRequest.BreakRequest>of() : s.breaks()) {
                CalendarBreak pause = new CalendarBreak();
                pause.shift = shift;
                pause.startsAt = b.start();
                pause.endsAt = b.end();
                shift.breaks.add(pause);
            }
            calendar.shifts.add(shift);
        }
        for (CalendarRequest.HolidayRequest h : holidays) {
            CalendarHoliday holiday = new CalendarHoliday();
            holiday.calendar = calendar;
            holiday.day = h.day();
            holiday.name = h.name();
            calendar.holidays.add(holiday);
        }
    }
}
