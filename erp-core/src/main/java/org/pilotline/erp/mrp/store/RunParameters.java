package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What a run was asked to plan with, stored with the run so that any replica re-creates the same plan.
 *
 * @param start                 the first day of the horizon ("today")
 * @param weeks                 weekly buckets in the horizon
 * @param calendarId            the working calendar lead times count on (null: Monday to Friday)
 * @param forecastBackwardWeeks buckets before its own a sales order consumes forecast from
 * @param forecastForwardWeeks  buckets after its own a sales order consumes forecast from
 */
public record RunParameters(LocalDate start, int weeks, Long calendarId, int forecastBackwardWeeks,
                            int forecastForwardWeeks, int expediteWindowDays, int deferToleranceDays) {

    public PlanningHorizon horizon() {
        return PlanningHorizon.weeksFrom(start, weeks);
    }

    public PlanningParameters engine(int threads) {
        return new PlanningParameters(forecastBackwardWeeks, forecastForwardWeeks, expediteWindowDays,
                deferToleranceDays, threads);
    }

    public String encode() {
        return "start=" + start + ";weeks=" + weeks + ";calendarId=" + (calendarId == null ? "" : calendarId)
                + ";forecastBackwardWeeks=" + forecastBackwardWeeks + ";forecastForwardWeeks=" + forecastForwardWeeks
                + ";expediteWindowDays=" + expediteWindowDays + ";deferToleranceDays=" + deferToleranceDays;
    }

    public static RunParameters decode(String text) {
        Map<String, String> map = new HashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String calendar = map.get("calendarId");
        return new RunParameters(LocalDate.parse(map.get("start")), Integer.parseInt(map.get("weeks")),
                calendar == null || calendar.isEmpty() ? null : Long.valueOf(calendar),
                Integer.parseInt(map.get("forecastBackwardWeeks")), Integer.parseInt(map.get("forecastForwardWeeks")),
                Integer.parseInt(map.get("expediteWindowDays")), Integer.parseInt(map.get("deferToleranceDays")));
    }
}
