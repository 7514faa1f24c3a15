package org.pilotline.mes.workorder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the work-order use cases return. Quantities are in the produced item's stock unit. */
public final class WorkOrderViews {

    private WorkOrderViews() {
    }

    @Schema(description = "A work order: a released production order on the shop floor")
    public record WorkOrderView(long id, long productionOrderId, String number, long itemId, String itemCode,
                                BigDecimal quantity, BigDecimal goodQuantity, BigDecimal scrapQuantity,
                                WorkOrderState state, LocalDate dueDate, Instant releasedAt, String releasedBy,
                                Instant startedAt, Instant completedAt, Instant closedAt, long version,
                                List<OperationView> operations) {
    }

    public record OperationView(long id, int operationNo, String name, long workCenterId, Long workUnitId,
                                BigDecimal setupMinutes, BigDecimal runMinutesPerUnit, BigDecimal transferQuantity,
                                Instant plannedStart, Instant plannedEnd, OperationState state, String pauseReason,
                                BigDecimal goodQuantity, BigDecimal scrapQuantity, BigDecimal reworkQuantity,
                                Instant actualStart, Instant actualEnd,
                                @Schema(description = "the non-conformance this operation reworks; null for a routing step")
                                Long reworkOf) {

        static OperationView of(Operation o) {
            return new OperationView(o.id, o.operationNo, o.name, o.workCenterId, o.workUnitId,
                    plain(o.setupMinutes), plain(o.runMinutesPerUnit), plain(o.transferQuantity), o.plannedStart,
                    o.plannedEnd, o.state, o.pauseReason, plain(o.goodQuantity), plain(o.scrapQuantity),
                    plain(o.reworkQuantity), o.actualStart, o.actualEnd, o.reworkOf);
        }
    }

    static BigDecimal plain(BigDecimal value) {
        return org.pilotline.platform.quantity.Decimals.plain(value);
    }
}
