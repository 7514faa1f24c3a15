package org.pilotline.kpi.time;

import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.time.Instant;
import java.util.List;

/**
 * What the time model of one work unit for one period is computed from, as plain values: the calendar, the
 * machine-state history, the order state from the MES's reports, and the downtime reasons operators gave. Every span
 * is half-open, [start, end); an end of null means "still going".
 */
public record TimeInputs(Instant from, Instant to,
                         List<Span> shifts, List<Span> workingTime, List<Downtime> downtimes,
                         List<MachineInterval> machineIntervals, List<DataLoss> dataLosses,
                         List<OrderSegment> orderSegments) {

    public record Span(Instant start, Instant end) {
    }

    /** A state interval of the machine-state history (mes_machine_interval). */
    public record MachineInterval(long id, MachineryItemState state, MachineryOperationMode mode, Instant start,
                                  Instant end) {
    }

    /** A span in which the gateway could not observe the machine (mes_data_loss). */
    public record DataLoss(long id, Instant start, Instant end, String reason) {
    }

    /**
     * A stop with an operator's reason (mes_downtime): planned ones are planned downtime, unplanned ones annotate the
     * delay time they overlap.
     */
    public record Downtime(long id, long reportId, String reasonCode, String reasonEn, String reasonZh, boolean planned,
                           Instant start, Instant end, Long machineIntervalId) {
    }

    /** A phase of one operation on the work unit, between two of its reports. */
    public record OrderSegment(long operationId, String workOrder, OrderState state, Instant start, Instant end,
                               long startReportId, Long endReportId) {
    }
}
