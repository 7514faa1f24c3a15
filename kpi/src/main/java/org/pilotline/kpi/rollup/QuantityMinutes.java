package org.pilotline.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.kpi.time.Quantities;
import org.pilotline.kpi.time.TimeModelService;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quantities of the hours and shifts the roll-ups recompute, summed per work unit and clock minute, kept between
 * batches so that a batch reads only the minutes from the earliest change it applies on, not the whole hour again.
 * A busy plant's touches reach back a second or two, and its hour holds every report since the hour began.
 * <p>
 * Why a kept minute stays right: a report commits together with its touch ({@link ShopFloorWatch}), which reaches
 * back to the report's time at most. A touch is forgotten only after a batch that read it applied it. That batch read
 * the minutes from the touch on after it had read the touch, so it saw the report. A report whose touch a batch has not
 * read yet is read again with the minutes of that touch by a later batch. So a kept minute misses no report whose touch
 * is forgotten, as long as this process applied every forgotten touch and kept only minutes before the time its batch
 * began: a report at a later time reaches back no earlier than that.
 * <p>
 * Another replica may apply touches too. The enterprise's roll-up lock row names the last process that applied
 * touches ({@link RollupStore#claim}), and this process forgets everything it keeps of an enterprise when that was
 * another one. Only the roll-up writer calls this class, under the enterprise's lock, so one enterprise's minutes are
 * never used by two threads at once.
 */
@ApplicationScoped
public class QuantityMinutes {

    /** The longest stretch kept: the hours and shifts of an event's touch, not a month of days. */
    static final Duration LONGEST = Duration.ofDays(2);

    /** This process, as the roll-up lock row names it. */
    final String process = UUID.randomUUID().toString();

    /** The minutes of a work unit in [from, to) that had quantities (minutes without any are not kept). */
    private record Kept(Instant from, Instant to, List<Quantities.Minute> minutes) {
    }

    private final Map<String, Map<Long, Kept>> kept = new ConcurrentHashMap<>();

    @Inject
    TimeModelService timeModels;

    @Inject
    RollupStore store;

    /**
     * Under the enterprise's lock, before its touches are applied or forgotten: notes this process as the one that
     * applies them, and forgets what it keeps of the enterprise when another process did since.
     */
    void claim(String tenant) {
        if (!store.claim(tenant, process)) {
            kept.remove(tenant);
        }
    }

    /** Whether a unit's stretch is read through here: short, and of whole minutes only (as clock hours and shifts are). */
    static boolean fits(List<Bucket> buckets) {
        Instant from = null;
        Instant to = null;
        for (Bucket b : buckets) {
            if (!wholeMinute(b.start()) || !wholeMinute(b.end())) {
                return false;
            }
            from = from == null || b.start().isBefore(from) ? b.start() : from;
            to = to == null || b.end().isAfter(to) ? b.end() : to;
        }
        return from != null && Duration.between(from, to).compareTo(LONGEST) <= 0;
    }

    private static boolean wholeMinute(Instant at) {
        return at.getNano() == 0 && at.getEpochSecond() % 60 == 0;
    }

    /**
     * The quantity minutes of each unit over its stretch ({from, to}): those before the unit's earliest change in this
     * batch ({@code changed}) from what was kept, when the kept minutes cover them; the rest read in one statement for
     * all units. Keeps each unit's minutes before {@code now} for the next batch.
     */
    Map<Long, List<Quantities.Minute>> read(String tenant, Map<Long, Instant[]> stretches, Map<Long, Instant> changed,
                                            Instant now) {
        Map<Long, Kept> ofTenant = kept.computeIfAbsent(tenant, t -> new HashMap<>());
        Map<Long, Instant> readFrom = new LinkedHashMap<>();
        Map<Long, Instant[]> fresh = new LinkedHashMap<>();
        stretches.forEach((unit, stretch) -> {
            Instant from = stretch[0];
            Kept k = ofTenant.get(unit);
            Instant change = changed.get(unit);
            if (k != null && !k.from().isAfter(from) && change != null) {
                Instant c = change.truncatedTo(ChronoUnit.MINUTES);
                Instant r = c.isBefore(k.to()) ? c : k.to();
                from = r.isAfter(from) ? r : from;
            }
            readFrom.put(unit, from);
            if (from.isBefore(stretch[1])) {
                fresh.put(unit, new Instant[]{from, stretch[1]});
            }
        });
        Map<Long, List<Quantities.Minute>> read = timeModels.quantityMinutes(fresh);
        Instant keepTo = now.truncatedTo(ChronoUnit.MINUTES);
        Map<Long, List<Quantities.Minute>> minutes = new HashMap<>();
        stretches.forEach((unit, stretch) -> {
            Instant from = readFrom.get(unit);
            List<Quantities.Minute> all = new ArrayList<>();
            Kept k = ofTenant.get(unit);
            if (k != null && from.isAfter(stretch[0])) {
                k.minutes().stream().filter(m -> !m.at().isBefore(stretch[0]) && m.at().isBefore(from))
                        .forEach(all::add);
            }
            all.addAll(read.getOrDefault(unit, List.of()));
            minutes.put(unit, all);
            Instant to = stretch[1].isBefore(keepTo) ? stretch[1] : keepTo;
            if (to.isAfter(stretch[0])) {
                ofTenant.put(unit, new Kept(stretch[0], to, all.stream().filter(m -> m.at().isBefore(to)).toList()));
            } else {
                ofTenant.remove(unit);
            }
        });
        return minutes;
    }
}
