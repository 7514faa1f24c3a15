package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.WorkingCalendar;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** Reads the working calendar lead times count on: the weekdays with shifts, less the holidays. */
final class CalendarLoader {

    private final TenantQuery query;

    CalendarLoader(TenantQuery query) {
        this.query = query;
    }

    /** Whether the enterprise has a calendar of this id. */
    static boolean exists(Connection connection, String tenant, long calendarId) throws SQLException {
        return Jdbc.exists(connection, "select 1 from calendar where tenant_id = ? and id = ?", tenant, calendarId);
    }

    /** The calendar of this id; Monday to Friday without holidays when none is given. */
    WorkingCalendar load(Long calendarId) throws SQLException {
        if (calendarId == null) {
            return WorkingCalendar.mondayToFriday();
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        boolean[] found = {false};
        query.forEach("select c.id, s.weekday from calendar c left join calendar_shift s on s.calendar_id = c.id"
                + " where c.tenant_id = ? and c.id = " + calendarId, row -> {
            found[0] = true;
            int day = row.getInt(2);
            if (!row.wasNull()) {
                weekdays.add(DayOfWeek.of(day));
            }
        });
        if (!found[0]) {
            throw new PlanningInputLoader.LoadProblem("calendar " + calendarId + " does not exist");
        }
        if (weekdays.isEmpty()) {
            throw new PlanningInputLoader.LoadProblem("calendar " + calendarId + " has no shifts");
        }
        Set<LocalDate> holidays = new HashSet<>();
        query.forEach("select day from calendar_holiday where tenant_id = ? and calendar_id = " + calendarId, row ->
                holidays.add(row.getDate(1).toLocalDate()));
        return new WorkingCalendar(weekdays, holidays);
    }
}
