package org.pilotline.kpi.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a work unit's figures over [from, to) are computed from, read once, so that the records of any period
 * inside it can be accounted without reading again (the roll-ups compute hundreds of buckets of one unit at a time).
 * Each list is cut down to what overlaps the period asked for, in the order the database gave it, so that a period's
 * records are exactly those {@link TimeModelService#records} gives for it. The quantities are the counted reports, or
 * (for the roll-ups: {@link TimeModelService#histories(Map, Map)}) the sums of their minutes, never both for one unit.
 */
public record UnitHistory(long workUnitId, String code, String name, long workCenterId, String zone, Instant from,
                          Instant to, List<TimeInputs.Span> shifts, List<TimeInputs.Span> workingTime,
                          List<TimeInputs.Downtime> downtimes, List<TimeInputs.MachineInterval> machineIntervals,
                          List<TimeInputs.DataLoss> dataLosses, List<TimeInputs.OrderSegment> orderSegments,
                          java.util.Map<Long, Operation> operations,
                          List<Quantities.QuantityReport> quantityReports, List<Quantities.Minute> quantityMinutes,
                          List<WorkOrder> workOrders,
                          List<WorkUnitRecords.FinishedOperation> finishedOperations) {

    /** An operation on the unit as recorded: its actual start and end (null: not yet). */
    public record Operation(Instant actualStart, Instant actualEnd) {
        boolean overlaps(Instant a, Instant b) {
            return actualStart.isBefore(b) && (actualEnd == null || actualEnd.isAfter(a));
        }
    }

    /** A work order with an operation on the unit, as recorded: started, and completed (null: not yet). */
    public record WorkOrder(long id, String number, Instant started, Instant completed) {
    }

    /** The records of [a, b), which must lie within [from, to). */
    public WorkUnitRecords records(Instant a, Instant b) {
        if (a.isBefore(from) || b.isAfter(to) || !b.isAfter(a)) {
            throw new IllegalArgumentException("[" + a + ", " + b + ") is not within [" + from + ", " + to + ")");
        }
        TimeInputs inputs = new TimeInputs(a, b,
                overlapping(shifts, a, b, TimeInputs.Span::start, TimeInputs.Span::end),
                overlapping(workingTime, a, b, TimeInputs.Span::start, TimeInputs.Span::end),
                overlapping(downtimes, a, b, TimeInputs.Downtime::start, TimeInputs.Downtime::end),
                overlapping(machineIntervals, a, b, TimeInputs.MachineInterval::start, TimeInputs.MachineInterval::end),
                overlapping(dataLosses, a, b, TimeInputs.DataLoss::start, TimeInputs.DataLoss::end),
                // the phases of the operations that ran in [a, b), as TimeModelService selects them
                orderSegments.stream().filter(o -> !operations.containsKey(o.operationId())
                        || operations.get(o.operationId()).overlaps(a, b)).toList());
        TimeModel time = TimeAccounting.account(inputs);
        Quantities quantities = Quantities.of(quantityReports.stream()
                .filter(q -> !q.at().isBefore(a) && q.at().isBefore(b)).toList(),
                quantityMinutes.stream().filter(m -> !m.at().isBefore(a) && m.at().isBefore(b)).toList());
        List<WorkUnitRecords.WorkOrderSpan> spans = new ArrayList<>();
        for (WorkOrder w : workOrders) {
            if (w.started().isBefore(b) && (w.completed() == null || w.completed().isAfter(a))) {
                Instant start = w.started().isAfter(a) ? w.started() : a;
                Instant end = w.completed() == null || w.completed().isAfter(b) ? b : w.completed();
                if (start.isBefore(end)) {
                    spans.add(new WorkUnitRecords.WorkOrderSpan(w.id(), w.number(), start, end));
                }
            }
        }
        List<WorkUnitRecords.FinishedOperation> finished = finishedOperations.stream()
                .filter(f -> !f.actualEnd().isBefore(a) && f.actualEnd().isBefore(b)).toList();
        return new WorkUnitRecords(workUnitId, code, name, workCenterId, zone, time, quantities, spans, finished);
    }

    private static <T> List<T> overlapping(List<T> items, Instant a, Instant b,
                                           java.util.function.Function<T, Instant> start,
                                           java.util.function.Function<T, Instant> end) {
        return items.stream().filter(i -> start.apply(i).isBefore(b)
                && (end.apply(i) == null || end.apply(i).isAfter(a))).toList();
    }
}
