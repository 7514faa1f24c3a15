package org.pilotline.kpi.time;

import org.junit.jupiter.api.Test;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.plc.contract.MachineryItemState.EXECUTING;
import static org.pilotline.plc.contract.MachineryItemState.NOT_EXECUTING;
import static org.pilotline.plc.contract.MachineryItemState.OUT_OF_SERVICE;
import static org.pilotline.plc.contract.MachineryOperationMode.MAINTENANCE;
import static org.pilotline.plc.contract.MachineryOperationMode.PROCESSING;

/** Time accounting of small hand-made hours, in minutes from 08:00 UTC. */
class TimeAccountingTest {

    private static final Instant EIGHT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void plannedBusyTimeIsDividedIntoElementsThatAddUpToIt() {
        // shift 08:00–10:00 with a break 09:00–09:10; an order runs 08:10–09:50; data lost 08:30–08:40
        TimeModel model = TimeAccounting.account(new TimeInputs(at(0), at(180),
                List.of(span(0, 120)), List.of(span(0, 60), span(70, 120)), List.of(),
                List.of(interval(1, NOT_EXECUTING, null, -10, 10), interval(2, EXECUTING, PROCESSING, 10, 100),
                        interval(3, NOT_EXECUTING, null, 100, null)),
                List.of(new TimeInputs.DataLoss(9, at(30), at(40), "cut")),
                List.of(new TimeInputs.OrderSegment(5, "WO-1", OrderState.PROCESSING, at(10), at(110), 11, 12L))));
        assertEquals(Map.of(TimeElement.POT, 7200L, TimeElement.PDOT, 600L, TimeElement.PBT, 6600L,
                TimeElement.APT, 4200L, TimeElement.ADET, 600L, TimeElement.ADOT, 1200L, TimeElement.ASUT, 0L,
                TimeElement.UNKNOWN, 600L, TimeElement.AUPT, 4200L, TimeElement.AUBT, 4800L), model.seconds());
    }

    @Test
    void consecutiveOutOfServiceIntervalsAreOneFailureAndAGapMakesASecond() {
        TimeModel model = TimeAccounting.account(new TimeInputs(at(0), at(120), List.of(span(0, 120)),
                List.of(span(0, 120)), List.of(),
                List.of(interval(1, EXECUTING, PROCESSING, 0, 10), interval(2, OUT_OF_SERVICE, PROCESSING, 10, 20),
                        interval(3, OUT_OF_SERVICE, MAINTENANCE, 20, 30), interval(4, EXECUTING, PROCESSING, 30, 60),
                        interval(5, OUT_OF_SERVICE, PROCESSING, 60, 65), interval(6, EXECUTING, PROCESSING, 65, null)),
                List.of(), List.of()));
        assertEquals(2, model.failures());
        assertEquals(25 * 60, model.repairSeconds());
        // no order registered: all of it is down time, none of it production
        assertEquals(120 * 60, model.of(TimeElement.ADOT));
    }

    @Test
    void anOperationsReportsBecomeItsSetupProcessingAndPausedPhases() {
        List<TimeInputs.OrderSegment> phases = OrderTimeline.segments(5, "WO-1", List.of(
                new OrderTimeline.Report(1, "SETUP_START", at(0)), new OrderTimeline.Report(2, "PAUSE", at(5)),
                new OrderTimeline.Report(3, "RESUME", at(8)), new OrderTimeline.Report(4, "SETUP_END", at(10)),
                new OrderTimeline.Report(5, "QUANTITY", at(20)), new OrderTimeline.Report(6, "FINISH", at(30))));
        assertEquals(List.of(OrderState.SETUP, OrderState.PAUSED, OrderState.SETUP, OrderState.PROCESSING),
                phases.stream().map(TimeInputs.OrderSegment::state).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), phases.stream().map(TimeInputs.OrderSegment::startReportId).toList());
        assertEquals(at(30), phases.get(3).end());
    }

    private static Instant at(int minutes) {
        return EIGHT.plusSeconds(minutes * 60L);
    }

    private static TimeInputs.Span span(int from, int to) {
        return new TimeInputs.Span(at(from), at(to));
    }

    private static TimeInputs.MachineInterval interval(long id, MachineryItemState state, MachineryOperationMode mode,
                                                       int from, Integer to) {
        return new TimeInputs.MachineInterval(id, state, mode, at(from), to == null ? null : at(to));
    }
}
