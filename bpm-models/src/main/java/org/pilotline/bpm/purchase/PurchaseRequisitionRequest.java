package org.pilotline.bpm.purchase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A purchase requisition: either from a planned purchase order of the current MRP run ({@code plannedOrder}; its item,
 * quantity and due date are taken from it) or by hand ({@code itemId}, {@code quantity}, {@code dueDate}).
 */
@Schema(description = "From an MRP planned purchase order (plannedOrder) or by hand (itemId, quantity, dueDate)")
public record PurchaseRequisitionRequest(
        @Valid PlannedOrderRef plannedOrder,
        Long itemId,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
        @Schema(description = "in the item's stock unit") BigDecimal quantity,
        LocalDate dueDate,
        @NotNull Long supplierId,
        @DecimalMin("0") @Digits(integer = 14, fraction = 6)
        @Schema(description = "per stock unit; default the item's standard cost") BigDecimal unitPrice,
        @Size(max = 500) String note) {

    /** A planned order of an MRP run, named as the MRP API names it: run, item, number within the item. */
    public record PlannedOrderRef(@NotNull Long runId, @NotNull Long itemId, @NotNull @Min(1) Integer number) {
    }
}
