package org.pilotline.kpi.time;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ISO 22400-2 time model of a work unit for a period, in whole seconds, with every piece of time it was made of.
 *
 * @param seconds    seconds per time element: POT, PDOT, PBT, the elementary APT/ASUT/ADET/ADOT/UNKNOWN (which add
 *                   up to PBT), and AUPT = APT + ASUT, AUBT = AUPT + ADET
 * @param segments   the pieces of planned operation time, each with the records behind it (provenance)
 * @param delayByReason ADET seconds per downtime reason code an operator gave ("" for delay nobody explained)
 * @param failures   out-of-service episodes that overlap planned busy time (MTBF, MTTR)
 * @param repairSeconds planned busy time spent out of service, unknown time excluded
 */
public record TimeModel(Instant from, Instant to, Map<TimeElement, Long> seconds, List<Segment> segments,
                        Map<String, Long> delayByReason, int failures, long repairSeconds) {

    /**
     * A piece of planned operation time, classified into one time element, and what it was classified from.
     *
     * @param calendar      SHIFT (planned busy time), BREAK (a break of the calendar) or PLANNED_DOWNTIME
     * @param machineIntervalId the machine-state interval (null: none, or not looked at outside planned busy time)
     * @param dataLossId    the data-loss span that makes it unknown time
     * @param startReportId the report that began the order phase, endReportId the one that ended it
     * @param downtimeIds   the downtime reports (mes_downtime) whose reason annotates it
     */
    public record Segment(TimeElement element, Instant start, Instant end, long seconds, String calendar,
                          Long machineIntervalId, String machineState, String operationMode, Long dataLossId,
                          OrderState orderState, Long operationId, String workOrder, Long startReportId,
                          Long endReportId, List<Long> downtimeIds, List<String> downtimeReasons) {
    }

    public long of(TimeElement element) {
        return seconds.getOrDefault(element, 0L);
    }
}
