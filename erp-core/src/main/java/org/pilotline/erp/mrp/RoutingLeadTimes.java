package org.pilotline.erp.mrp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.calendar.WorkingCalendar;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.mrp.engine.plan.PlannedOrder;
import org.pilotline.erp.mrp.store.LeadTimes;
import org.pilotline.erp.routing.Routing;
import org.pilotline.erp.routing.RoutingOperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LeadTimes} from the routings and work-center calendars, in the current enterprise: a planned production
 * order's routing at its quantity needs, per operation, its setup plus run minutes per unit × quantity, each rounded up
 * to whole minutes as the scheduler does; run one after another from the start of the release date, each on the
 * calendar of its work center (round the clock without one), ignoring capacity. When the last one ends after the end
 * of the due date (plant time), the lead time is too short.
 */
@ApplicationScoped
public class RoutingLeadTimes implements LeadTimes {

    /** How far ahead an order's earliest end is looked for. */
    private static final Duration LOOK_AHEAD = Duration.ofDays(366);

    @Inject
    PlantClock clock;

    @Override
    public List<Shortfall> check(List<PlannedOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        ZoneId zone = clock.zone();
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Optional<Routing>> routings = new HashMap<>();
            Map<Long, WorkingCalendar> calendars = new HashMap<>();
            List<Shortfall> shortfalls = new ArrayList<>();
            for (PlannedOrder order : orders) {
                Optional<Routing> routing = routings.computeIfAbsent(order.itemCode() + "\u0000" + order.routing(),
                        key -> Routing.<Routing>find("item.code = ?1 and revision = ?2", order.itemCode(),
                                order.routing()).firstResultOptional());
                if (routing.isEmpty() || routing.get().operations.isEmpty()) {
                    continue;
                }
                Instant due = order.dueDate().plusDays(1).atStartOfDay(zone).toInstant();
                Instant at = order.releaseDate().atStartOfDay(zone).toInstant();
                long needed = 0;
                for (RoutingOperation step : routing.get().operations) {
                    long minutes = wholeMinutes(step.setupMinutes) + wholeMinutes(step.runMinutes.multiply(order.quantity()));
                    needed += minutes;
                    WorkingCalendar calendar = step.workCenter.calendar == null ? null
                            : calendars.computeIfAbsent(step.workCenter.calendar.id,
                            id -> step.workCenter.calendar.workingCalendar());
                    at = at == null ? null : endOfWork(calendar, at, minutes);
                }
                if (at == null || at.isAfter(due)) {
                    shortfalls.add(new Shortfall(order.itemCode(), order.id().plannedNumber(), needed,
                            at == null ? null : LocalDate.ofInstant(at.minusNanos(1), zone)));
                }
            }
            return shortfalls;
        });
    }

    /** When {@code minutes} of working time on {@code calendar} starting at {@code from} are done; null beyond a year. */
    static Instant endOfWork(WorkingCalendar calendar, Instant from, long minutes) {
        if (calendar == null || minutes == 0) {
            return from.plus(Duration.ofMinutes(minutes));
        }
        Duration left = Duration.ofMinutes(minutes);
        for (WorkingCalendar.Interval interval : calendar.workingIntervalsBetween(from, from.plus(LOOK_AHEAD))) {
            Duration length = interval.duration();
            if (length.compareTo(left) >= 0) {
                return interval.start().plus(left);
            }
            left = left.minus(length);
        }
        return null;
    }

    private static long wholeMinutes(BigDecimal minutes) {
        return minutes.setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
