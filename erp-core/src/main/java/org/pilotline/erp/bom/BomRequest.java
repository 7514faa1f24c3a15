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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "A BOM revision, replaced whole on update. Line quantities are per baseQuantity of the parent.")
public record BomRequest(
        @Schema(description = "the parent item; or itemCode") Long itemId,
        @NotBlank @Size(max = 16) String revision,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
        @Schema(description = "parent quantity the lines are for (default 1)") BigDecimal baseQuantity,
        @NotNull LocalDate validFrom,
        @Schema(description = "exclusive; open-ended when absent") LocalDate validTo,
        @NotEmpty @Size(max = 2000) List<@Valid @NotNull Line> lines,
        Long version,
        @Size(max = 80) @Schema(description = "the parent item's code, instead of itemId") String itemCode) {

    /** The form Java callers use: items by id. */
    public BomRequest(Long itemId, String revision, BigDecimal baseQuantity, LocalDate validFrom, LocalDate validTo,
                      List<Line> lines, Long version) {
        this(itemId, revision, baseQuantity, validFrom, validTo, lines, version, null);
    }

    public record Line(@Min(1) Integer lineNo,
                       @Schema(description = "or componentCode") Long componentId,
                       @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                       @Schema(description = "defaults to the component's stock unit") Long unitId,
                       @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 6)
                       @Schema(description = "planned scrap of the component as a fraction of quantity, not a"
                               + " percentage: 0.05 means 5 % more, quantity x 1.05, is needed by MRP, costed by the"
                               + " roll-up and backflushed on the shop floor. 0 to 10, default 0", examples = "0.05")
                       BigDecimal scrapFactor,
                       Boolean phantom,
                       @Min(1) Integer operationNo,
                       @Size(max = 80) @Schema(description = "the component's code, instead of componentId") String componentCode,
                       @Size(max = 80) @Schema(description = "the unit's code, instead of unitId") String unitCode) {

        /** The form Java callers use: component and unit by id. */
        public Line(Integer lineNo, Long componentId, BigDecimal quantity, Long unitId, BigDecimal scrapFactor,
                    Boolean phantom, Integer operationNo) {
            this(lineNo, componentId, quantity, unitId, scrapFactor, phantom, operationNo, null, null);
        }
    }
}
