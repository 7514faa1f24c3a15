package org.pilotline.kpi.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the applied reports of one operation (in the order they occurred) into its phases on the work unit: setup,
 * processing, paused. Plain Java: the MES's transition table has already accepted every report it reads.
 */
public final class OrderTimeline {

    /** An applied report: its id, kind (a ReportKind name) and when it occurred. */
    public record Report(long id, String kind, Instant at) {
    }

    private OrderTimeline() {
    }

    public static List<TimeInputs.OrderSegment> segments(long operationId, String workOrder, List<Report> reports) {
        List<TimeInputs.OrderSegment> segments = new ArrayList<>();
        OrderState state = OrderState.NONE;
        OrderState beforePause = OrderState.PROCESSING;
        Instant since = null;
        long sinceReport = 0;
        for (Report report : reports) {
            OrderState next = switch (report.kind()) {
                case "SETUP_START" -> OrderState.SETUP;
                case "SETUP_END", "START" -> OrderState.PROCESSING;
                case "PAUSE" -> OrderState.PAUSED;
                case "RESUME" -> beforePause;
                case "FINISH" -> OrderState.NONE;
                default -> state;
            };
            if (next == state) {
                continue;
            }
            if (next == OrderState.PAUSED) {
                beforePause = state == OrderState.SETUP ? OrderState.SETUP : OrderState.PROCESSING;
            }
            if (state != OrderState.NONE && since.isBefore(report.at())) {
                segments.add(new TimeInputs.OrderSegment(operationId, workOrder, state, since, report.at(), sinceReport,
                        report.id()));
            }
            state = next;
            since = report.at();
            sinceReport = report.id();
        }
        if (state != OrderState.NONE) {
            segments.add(new TimeInputs.OrderSegment(operationId, workOrder, state, since, null, sinceReport, null));
        }
        return segments;
    }
}
