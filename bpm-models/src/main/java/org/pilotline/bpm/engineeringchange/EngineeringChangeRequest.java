package org.pilotline.bpm.engineeringchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.bom.BomRequest;
import org.pilotline.erp.bom.RecipeRequest;
import org.pilotline.erp.revision.RevisionChange;
import org.pilotline.erp.routing.RoutingRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A request to change how an item is made (ECR): the proposed new revision's content in the shape erp-core saves a
 * BOM ({@code baseQuantity}, {@code lines}), a recipe ({@code batchSize}, {@code expectedYield},
 * {@code costAllocation}, {@code ingredients}, {@code outputs}) or a routing ({@code operations}) with, the date it is
 * to become effective, why, and whether open production orders switch to it. The same requestId sent again starts
 * nothing new.
 */
@Schema(description = "An engineering change request: the proposed revision of an item's BOM, recipe or routing")
public record EngineeringChangeRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*",
                message = "letters, digits, '.', '_', ':' or '-' only") String requestId,
        @NotNull RevisionChange.Kind kind,
        @NotNull Long itemId,
        @NotBlank @Size(max = 16) @Schema(description = "the new revision's label") String revision,
        @NotNull @Schema(description = "the new revision is effective from this day; the one in force until the day before")
        LocalDate effectiveDate,
        @NotBlank @Size(max = 1000) String reason,
        @Schema(description = "open production orders following the revision in force switch to the new one (default false: they keep theirs)")
        Boolean switchOpenOrders,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
        @Schema(description = "BOM: parent quantity the lines are for (default 1)") BigDecimal baseQuantity,
        @Size(max = 2000) @Schema(description = "BOM: its lines") List<BomRequest.@Valid @NotNull Line> lines,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
        @Schema(description = "recipe: batch size") BigDecimal batchSize,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 6)
        @Schema(description = "recipe: expected yield (default 1)") BigDecimal expectedYield,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6)
        @Schema(description = "recipe: main product's share of the batch cost (default 1)") BigDecimal costAllocation,
        @Size(max = 500) @Schema(description = "recipe: ingredients") List<RecipeRequest.@Valid @NotNull Ingredient> ingredients,
        @Size(max = 50) @Schema(description = "recipe: co- and by-products") List<RecipeRequest.@Valid @NotNull Output> outputs,
        @Size(max = 200) @Schema(description = "routing: its operations") List<RoutingRequest.@Valid @NotNull Operation> operations) {
}
