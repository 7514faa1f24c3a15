package org.pilotline.erp.calendar;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** A working calendar (shifts per weekday, breaks, holidays) that work centers are assigned to. */
@Entity
@Table(name = "calendar")
public class Calendar extends Versioned {

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @OneToMany(mappedBy = "calendar", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("weekday, startsAt")
    public List<CalendarShift> shifts = new ArrayList<>();

    @OneToMany(mappedBy = "calendar", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("day")
    public List<CalendarHoliday> holidays = new ArrayList<>();

    /** The rule object for this calendar. */
    public WorkingCalendar workingCalendar() {
        List<WorkingCalendar.Shift> rules = new ArrayList<>();
        for (CalendarShift shift : shifts) {
            rules.add(new WorkingCalendar.Shift(java.time.DayOfWeek.of(shift.weekday), shift.startsAt, shift.endsAt,
                    shift.breaks.stream().map(b -> new WorkingCalendar.Pause(b.startsAt, b.endsAt)).toList()));
        }
        var days = new HashSet<java.time.LocalDate>();
        holidays.forEach(h -> days.add(h.day));
        return new WorkingCalendar(ZoneId.of(timeZone), rules, days);
    }
}
