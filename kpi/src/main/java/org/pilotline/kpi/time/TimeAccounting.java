package org.pilotline.kpi.time;

import org.pilotline.plc.contract.MachineryItemState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Divides a work unit's planned operation time into ISO 22400-2 time elements (plain Java). The period is cut at every
 * boundary of a shift, break, planned downtime, machine-state interval, data-loss span and order phase; each piece is
 * then classified once: outside shifts it is not counted; in a break or a planned downtime it is PDOT; in planned busy
 * time it is UNKNOWN when the gateway lost data or there is no machine history, else {@link AnnexC}'s element.
 */
public final class TimeAccounting {

    private TimeAccounting() {
    }

    public static TimeModel account(TimeInputs in) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(in.from());
        cuts.add(in.to());
        in.shifts().forEach(s -> cut(cuts, in, s.start(), s.end()));
        in.workingTime().forEach(s -> cut(cuts, in, s.start(), s.end()));
        in.downtimes().forEach(d -> cut(cuts, in, d.start(), d.end()));
        in.machineIntervals().forEach(i -> cut(cuts, in, i.start(), i.end()));
        in.dataLosses().forEach(l -> cut(cuts, in, l.start(), l.end()));
        in.orderSegments().forEach(o -> cut(cuts, in, o.start(), o.end()));

        Sorted<TimeInputs.Span> shifts = new Sorted<>(in.shifts(), TimeInputs.Span::start, TimeInputs.Span::end);
        Sorted<TimeInputs.Span> working = new Sorted<>(in.workingTime(), TimeInputs.Span::start, TimeInputs.Span::end);
        Sorted<TimeInputs.MachineInterval> intervals = new Sorted<>(in.machineIntervals(),
                TimeInputs.MachineInterval::start, TimeInputs.MachineInterval::end);

        List<TimeModel.Segment> segments = new ArrayList<>();
        Map<String, Long> delayByReason = new LinkedHashMap<>();
        Map<TimeElement, Long> seconds = new EnumMap<>(TimeElement.class);
        long repair = 0;
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                Instant a = previous;
                long length = Duration.between(a, cut).getSeconds();
                if (shifts.at(a) != null && length > 0) {
                    TimeModel.Segment piece = classify(in, a, cut, length, working, intervals);
                    add(segments, piece);
                    seconds.merge(piece.element(), length, Long::sum);
                    if (piece.element() == TimeElement.ADET) {
                        String reason = piece.downtimeReasons().isEmpty() ? "" : piece.downtimeReasons().get(0);
                        delayByReason.merge(reason, length, Long::sum);
                    }
                    if (piece.element().isElementary() && piece.element() != TimeElement.UNKNOWN
                            && AnnexC.isFailure(MachineryItemState.valueOf(piece.machineState()))) {
                        repair += length;
                    }
                }
            }
            previous = cut;
        }
        int failures = countFailures(in, segments);
        seconds.putIfAbsent(TimeElement.POT, 0L);
        long pot = segments.stream().mapToLong(TimeModel.Segment::seconds).sum();
        long pdot = seconds.getOrDefault(TimeElement.PDOT, 0L);
        seconds.put(TimeElement.POT, pot);
        seconds.put(TimeElement.PDOT, pdot);
        seconds.put(TimeElement.PBT, pot - pdot);
        for (TimeElement e : new TimeElement[]{TimeElement.APT, TimeElement.ASUT, TimeElement.ADET, TimeElement.ADOT,
                TimeElement.UNKNOWN}) {
            seconds.putIfAbsent(e, 0L);
        }
        seconds.put(TimeElement.AUPT, seconds.get(TimeElement.APT) + seconds.get(TimeElement.ASUT));
        seconds.put(TimeElement.AUBT, seconds.get(TimeElement.AUPT) + seconds.get(TimeElement.ADET));
        return new TimeModel(in.from(), in.to(), seconds, segments, delayByReason, failures, repair);
    }

    /**
     * Failure episodes: out-of-service machine intervals that overlap planned busy time, where an interval that
     * directly follows another out-of-service interval continues its episode.
     */
    private static int countFailures(TimeInputs in, List<TimeModel.Segment> segments) {
        java.util.Set<Long> counted = new java.util.HashSet<>();
        for (TimeModel.Segment s : segments) {
            if (s.machineIntervalId() != null && s.element() != TimeElement.UNKNOWN && s.element() != TimeElement.PDOT
                    && AnnexC.isFailure(MachineryItemState.valueOf(s.machineState()))) {
                counted.add(s.machineIntervalId());
            }
        }
        int failures = 0;
        TimeInputs.MachineInterval before = null;
        for (TimeInputs.MachineInterval i : in.machineIntervals()) {
            boolean continues = before != null && AnnexC.isFailure(before.state()) && i.start().equals(before.end());
            if (counted.contains(i.id()) && !(continues && counted.contains(before.id()))) {
                failures++;
            }
            before = i;
        }
        return failures;
    }

    private static TimeModel.Segment classify(TimeInputs in, Instant a, Instant b, long length,
                                              Sorted<TimeInputs.Span> working,
                                              Sorted<TimeInputs.MachineInterval> intervals) {
        if (working.at(a) == null) {
            return segment(TimeElement.PDOT, a, b, length, "BREAK", null, null, null, List.of());
        }
        for (TimeInputs.Downtime d : in.downtimes()) {
            if (d.planned() && covers(d.start(), d.end(), a)) {
                return segment(TimeElement.PDOT, a, b, length, "PLANNED_DOWNTIME", null, null, null, List.of(d));
            }
        }
        TimeInputs.OrderSegment order = null;
        for (TimeInputs.OrderSegment o : in.orderSegments()) {
            if (covers(o.start(), o.end(), a) && (order == null || o.state().precedence() > order.state().precedence())) {
                order = o;
            }
        }
        TimeInputs.MachineInterval interval = intervals.at(a);
        for (TimeInputs.DataLoss loss : in.dataLosses()) {
            if (covers(loss.start(), loss.end(), a)) {
                return segment(TimeElement.UNKNOWN, a, b, length, "SHIFT", null, loss.id(), order, List.of());
            }
        }
        if (interval == null) {
            return segment(TimeElement.UNKNOWN, a, b, length, "SHIFT", null, null, order, List.of());
        }
        TimeElement element = AnnexC.elementOf(interval.state(), interval.mode(),
                order == null ? OrderState.NONE : order.state());
        List<TimeInputs.Downtime> reasons = new ArrayList<>();
        if (element == TimeElement.ADET || element == TimeElement.ADOT) {
            for (TimeInputs.Downtime d : in.downtimes()) {
                if (!d.planned() && covers(d.start(), d.end(), a)) {
                    reasons.add(d);
                }
            }
        }
        return segment(element, a, b, length, "SHIFT", interval, null, order, reasons);
    }

    private static TimeModel.Segment segment(TimeElement element, Instant a, Instant b, long length, String calendar,
                                             TimeInputs.MachineInterval interval, Long dataLoss,
                                             TimeInputs.OrderSegment order, List<TimeInputs.Downtime> downtimes) {
        return new TimeModel.Segment(element, a, b, length, calendar,
                interval == null ? null : interval.id(), interval == null ? null : interval.state().name(),
                interval == null || interval.mode() == null ? null : interval.mode().name(), dataLoss,
                order == null ? OrderState.NONE : order.state(), order == null ? null : order.operationId(),
                order == null ? null : order.workOrder(), order == null ? null : order.startReportId(),
                order == null ? null : order.endReportId(),
                downtimes.stream().map(TimeInputs.Downtime::id).toList(),
                downtimes.stream().map(TimeInputs.Downtime::reasonCode).toList());
    }

    /** Appends a piece, merged into the last segment when it continues it with the same element and sources. */
    private static void add(List<TimeModel.Segment> segments, TimeModel.Segment piece) {
        if (!segments.isEmpty()) {
            TimeModel.Segment last = segments.get(segments.size() - 1);
            if (last.end().equals(piece.start()) && last.element() == piece.element()
                    && last.calendar().equals(piece.calendar())
                    && Objects.equals(last.machineIntervalId(), piece.machineIntervalId())
                    && Objects.equals(last.dataLossId(), piece.dataLossId())
                    && Objects.equals(last.startReportId(), piece.startReportId())
                    && last.downtimeIds().equals(piece.downtimeIds())) {
                segments.set(segments.size() - 1, new TimeModel.Segment(last.element(), last.start(), piece.end(),
                        last.seconds() + piece.seconds(), last.calendar(), last.machineIntervalId(), last.machineState(),
                        last.operationMode(), last.dataLossId(), last.orderState(), last.operationId(), last.workOrder(),
                        last.startReportId(), last.endReportId(), last.downtimeIds(), last.downtimeReasons()));
                return;
            }
        }
        segments.add(piece);
    }

    private static void cut(TreeSet<Instant> cuts, TimeInputs in, Instant start, Instant end) {
        for (Instant t : new Instant[]{start, end}) {
            if (t != null && t.isAfter(in.from()) && t.isBefore(in.to())) {
                cuts.add(t);
            }
        }
    }

    private static boolean covers(Instant start, Instant end, Instant t) {
        return !t.isBefore(start) && (end == null || t.isBefore(end));
    }

    /** Non-overlapping spans sorted by start, searched by binary search. */
    private static final class Sorted<T> {
        private final List<T> items;
        private final Function<T, Instant> start;
        private final Function<T, Instant> end;

        Sorted(List<T> items, Function<T, Instant> start, Function<T, Instant> end) {
            this.items = items.stream().sorted(java.util.Comparator.comparing(start)).toList();
            this.start = start;
            this.end = end;
        }

        /** The span covering t, or null. */
        T at(Instant t) {
            int lo = 0;
            int hi = items.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (!start.apply(items.get(mid)).isAfter(t)) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found < 0) {
                return null;
            }
            T item = items.get(found);
            return covers(start.apply(item), end.apply(item), t) ? item : null;
        }
    }
}
