package org.pilotline.kpi.rollup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which buckets of a grain an instant or a stretch of time falls in, in a zone (plain Java). Hours are clock hours of
 * the zone (a day of a daylight-saving change has 23 or 25 of them); weeks are ISO weeks from Monday; shifts are the
 * occurrences of a calendar's shifts with their breaks left in, each keyed by its start.
 */
public final class BucketRules {

    /** A shift of a calendar, as plant-local times; an end not after the start ends on the next day. */
    public record ShiftPattern(DayOfWeek day, String name, LocalTime start, LocalTime end) {
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    private BucketRules() {
    }

    /** The buckets of an hour, day, week or month grain that overlap [from, to], in time order. */
    public static List<Bucket> between(Grain grain, ZoneId zone, Instant from, Instant to) {
        if (grain == Grain.SHIFT) {
            throw new IllegalArgumentException("shift buckets come from a calendar");
        }
        List<Bucket> buckets = new ArrayList<>();
        Bucket b = containing(grain, zone, from);
        while (!b.start().isAfter(to)) {
            buckets.add(b);
            b = containing(grain, zone, b.end());
        }
        return buckets;
    }

    /** The bucket of an hour, day, week or month grain that holds {@code t}. */
    public static Bucket containing(Grain grain, ZoneId zone, Instant t) {
        ZonedDateTime local = t.atZone(zone);
        return switch (grain) {
            case HOUR -> {
                ZonedDateTime start = local.truncatedTo(ChronoUnit.HOURS);
                ZonedDateTime end = start.plusHours(1).truncatedTo(ChronoUnit.HOURS);
                if (!end.toInstant().isAfter(start.toInstant())) {
                    end = start.plusHours(1);
                }
                yield new Bucket(grain, start.toInstant(), end.toInstant(), HOUR.format(start));
            }
            case DAY -> {
                LocalDate day = local.toLocalDate();
                yield new Bucket(grain, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                        day.toString());
            }
            case WEEK -> {
                LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Bucket(grain, monday.atStartOfDay(zone).toInstant(),
                        monday.plusWeeks(1).atStartOfDay(zone).toInstant(), String.format("%d-W%02d",
                        monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            }
            case MONTH -> {
                LocalDate first = local.toLocalDate().withDayOfMonth(1);
                yield new Bucket(grain, first.atStartOfDay(zone).toInstant(),
                        first.plusMonths(1).atStartOfDay(zone).toInstant(), first.toString().substring(0, 7));
            }
            case SHIFT -> throw new IllegalArgumentException("shift buckets come from a calendar");
        };
    }

    /**
     * The occurrences of a calendar's shifts (breaks left in) that overlap [from, to], in time order; holidays have
     * none. Labelled with the plant-local date the shift starts on and its name.
     */
    public static List<Bucket> shifts(List<ShiftPattern> patterns, Set<LocalDate> holidays, ZoneId zone, Instant from,
                                      Instant to) {
        List<Bucket> buckets = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            for (ShiftPattern p : patterns) {
                if (p.day() != date.getDayOfWeek()) {
                    continue;
                }
                Instant start = date.atTime(p.start()).atZone(zone).toInstant();
                Instant end = (p.end().isAfter(p.start()) ? date : date.plusDays(1)).atTime(p.end()).atZone(zone)
                        .toInstant();
                if (end.isAfter(from) && !start.isAfter(to)) {
                    buckets.add(new Bucket(Grain.SHIFT, start, end, date + " " + p.name()));
                }
            }
        }
        buckets.sort(Comparator.comparing(Bucket::start));
        return buckets;
    }

    /** Round the clock: one shift a day, midnight to midnight (a work center without a calendar). */
    public static List<ShiftPattern> roundTheClock() {
        List<ShiftPattern> patterns = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            patterns.add(new ShiftPattern(day, "all day", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        return patterns;
    }
}
