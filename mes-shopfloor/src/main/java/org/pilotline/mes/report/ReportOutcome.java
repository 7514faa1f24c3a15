package org.pilotline.mes.report;

import org.pilotline.mes.material.StockBooking;
import org.pilotline.mes.workorder.OperationState;
import org.pilotline.mes.workorder.WorkOrderState;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to an applied report: where the operation and its work order stand now, and the stock it moved. A report
 * delivered again gets the same answer with {@code replayed} true.
 */
public record ReportOutcome(long reportId, String clientId, ReportKind kind, boolean replayed,
                            OperationStanding operation, WorkOrderStanding workOrder,
                            List<StockBooking> consumed, List<StockBooking> received, Long downtimeId, boolean negativeStock,
                            Inspection inspection) {

    /** The result of an INSPECTION report, and the non-conformance it raised when out of limits. */
    public record Inspection(long resultId, boolean withinLimits, String nonConformance) {
    }

    public record OperationStanding(long id, int operationNo, OperationState state, BigDecimal good, BigDecimal scrap,
                                    BigDecimal rework) {
    }

    public record WorkOrderStanding(long id, String number, WorkOrderState state, BigDecimal good, BigDecimal quantity) {
    }

    public ReportOutcome asReplay() {
        return new ReportOutcome(reportId, clientId, kind, true, operation, workOrder, consumed, received, downtimeId,
                negativeStock, inspection);
    }
}
