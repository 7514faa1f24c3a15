package org.pilotline.erp.mrp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the MRP API answers and the bodies only HTTP needs; {@link MrpViews} maps the services' results into them.
 * The run request is the run service's own ({@code MrpRunService.RunRequest}).
 */
public final class MrpDtos {

    private MrpDtos() {
    }

    public record RunView(long id, String status, String phase, int itemsPlanned, int itemsTotal, double progress,
                          boolean current, String requestedBy, Instant requestedAt, Instant startedAt,
                          Instant finishedAt, LocalDate start, int weeks, Long calendarId, int forecastBackwardWeeks,
                          int forecastForwardWeeks, int expediteWindowDays, int deferToleranceDays, Integer items,
                          Integer bomLines, Integer demandLines, Long plannedOrders, Long pegs, Long exceptions,
                          int netChanges, @Schema(description = "planned orders firmed, unfirmed or converted since the run") int actions,
                          String error) {
    }

    public record PlannedOrderView(long runId, long itemId, String itemCode, int number, String type,
                                   BigDecimal quantity, LocalDate releaseDate, LocalDate dueDate, String formula,
                                   String routing, List<String> exceptions, String status, String convertedTo) {
    }

    public record ExceptionView(long runId, long itemId, String itemCode, int seq, String kind, LocalDate date,
                                LocalDate suggestedDate, BigDecimal quantity, String reference,
                                @Schema(description = "LEAD_TIME_SHORT: the working minutes the order's routing needs at its quantity")
                                Long workingMinutesNeeded) {
    }

    @Schema(description = "A node of a pegging tree: a demand or a supply element and the quantity this branch carries.")
    public record PeggingNodeView(String element, String kind, String itemCode, LocalDate date, BigDecimal quantity,
                                  BigDecimal elementQuantity, String reference,
                                  @Schema(description = "planned order number within the item, when the node is or comes from a planned order") Integer plannedOrderNumber,
                                  @Schema(description = "item of that planned or firmed order") String orderItemCode,
                                  List<PeggingNodeView> children) {
    }

    @Schema(description = "Turning a planned order into a purchase order needs a supplier; a production order needs nothing.")
    public record ConvertRequest(Long supplierId) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Planned orders of the current run to convert at once (all or none), and whether to release the new orders")
    public record BulkConvertRequest(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 500)
                                     List<@jakarta.validation.Valid @jakarta.validation.constraints.NotNull PlannedOrderSelection> orders,
                                     @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "release the new production and purchase orders too (default false)") Boolean release) {
    }

    public record PlannedOrderSelection(@jakarta.validation.constraints.NotNull Long itemId,
                                        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) Integer number,
                                        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "required for a planned purchase order") Long supplierId) {
    }

    public record ConversionView(String orderType, long orderId, String orderNumber, PlannedOrderView plannedOrder) {
    }

    public record FirmView(String reference, PlannedOrderView plannedOrder) {
    }

    public record NetChangeRequest(Long salesOrderId) {
    }

    public record NetChangeView(long runId, List<String> changedLines, int replannedItems, int rewrittenItems,
                                double planMillis, double writeMillis) {
    }
}
