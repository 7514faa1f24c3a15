package org.pilotline.erp.bom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.bom.structure.StructureVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "A recipe revision, replaced whole on update. Quantities are per batch; the main product's "
        + "costAllocation and the outputs' allocations add up to 1.")
public record RecipeRequest(
        @Schema(description = "the main product; or itemCode") Long itemId,
        @NotBlank @Size(max = 16) String revision,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
        @Schema(description = "batch size, in the main product's stock unit") BigDecimal batchSize,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 6)
        @Schema(description = "share of the batch size that comes out as main product (default 1)") BigDecimal expectedYield,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6)
        @Schema(description = "main product's share of the batch cost (default 1)") BigDecimal costAllocation,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Ingredient> ingredients,
        @Size(max = 50) List<@Valid @NotNull Output> outputs,
        Long version,
        @Size(max = 80) @Schema(description = "the main product's code, instead of itemId") String itemCode) {

    /** The form Java callers use: items by id. */
    public RecipeRequest(Long itemId, String revision, BigDecimal batchSize, BigDecimal expectedYield,
                         BigDecimal costAllocation, LocalDate validFrom, LocalDate validTo, List<Ingredient> ingredients,
                         List<Output> outputs, Long version) {
        this(itemId, revision, batchSize, expectedYield, costAllocation, validFrom, validTo, ingredients, outputs,
                version, null);
    }

    public record Ingredient(@Min(1) Integer lineNo,
                             @Schema(description = "or itemCode") Long itemId,
                             @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                             Long unitId,
                             @Size(max = 80) @Schema(description = "the ingredient's code, instead of itemId") String itemCode,
                             @Size(max = 80) @Schema(description = "the unit's code, instead of unitId") String unitCode) {

        /** The form Java callers use: item and unit by id. */
        public Ingredient(Integer lineNo, Long itemId, BigDecimal quantity, Long unitId) {
            this(lineNo, itemId, quantity, unitId, null, null);
        }
    }

    public record Output(@Min(1) Integer lineNo,
                         @Schema(description = "or itemCode") Long itemId,
                         @NotNull StructureVersion.OutputKind kind,
                         @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                         Long unitId,
                         @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal costAllocation,
                         @Size(max = 80) @Schema(description = "the output's code, instead of itemId") String itemCode,
                         @Size(max = 80) @Schema(description = "the unit's code, instead of unitId") String unitCode) {

        /** The form Java callers use: item and unit by id. */
        public Output(Integer lineNo, Long itemId, StructureVersion.OutputKind kind, BigDecimal quantity, Long unitId,
                      BigDecimal costAllocation) {
            this(lineNo, itemId, kind, quantity, unitId, costAllocation, null, null);
        }
    }
}
