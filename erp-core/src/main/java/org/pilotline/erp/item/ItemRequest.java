package org.pilotline.erp.item;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "An item. Quantities are in the stock unit; cost is per stock unit. On update, version is the version read.")
public record ItemRequest(
        @NotBlank @Pattern(regexp = "[^\\s,;]{1,64}", message = "must be 1-64 characters without spaces, commas or semicolons") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        @NotNull ItemType type,
        @NotNull Sourcing sourcing,
        @Schema(description = "or stockUnitCode") Long stockUnitId,
        @NotNull @Min(0) @Max(3650) @Schema(description = "working days from release to receipt") Integer leadTimeDays,
        @Schema(description = "defaults to LOT_FOR_LOT") LotSizing lotSizing,
        @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal lotSizeQuantity,
        @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal lotSizeMinimum,
        @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal lotSizeMaximum,
        @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal lotSizeMultiple,
        @Min(1) @Max(520) Integer periodsOfSupply,
        @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal safetyStock,
        @DecimalMin("0") @Digits(integer = 14, fraction = 6) @Schema(description = "cost of one stock unit, used by the"
                + " cost roll-up for an item without an effective BOM or recipe (a bought item); a made item's cost is"
                + " rolled up from its structure and routing instead. Default 0", examples = "12.50") BigDecimal standardCost,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) @Schema(description = "the"
                + " quantity in the stock unit that one setup is spread over in the cost roll-up: each routing operation"
                + " adds (setupMinutes / standardLotSize + runMinutes) / 60 x the work center's hourlyRate to the cost of"
                + " one unit. Default 1 (every unit carries a whole setup); greater than 0. MRP and scheduling do not use"
                + " it", examples = "50") BigDecimal standardLotSize,
        @Schema(description = "defaults to NONE") Tracking tracking,
        Boolean allowNegativeStock,
        Boolean active,
        Long version,
        @Size(max = 80) @Schema(description = "the stock unit's code, instead of stockUnitId") String stockUnitCode) {

    /** The form Java callers use: the unit by id. */
    public ItemRequest(String code, String name, String description, ItemType type, Sourcing sourcing, Long stockUnitId,
                       Integer leadTimeDays, LotSizing lotSizing, BigDecimal lotSizeQuantity, BigDecimal lotSizeMinimum,
                       BigDecimal lotSizeMaximum, BigDecimal lotSizeMultiple, Integer periodsOfSupply,
                       BigDecimal safetyStock, BigDecimal standardCost, BigDecimal standardLotSize, Tracking tracking,
                       Boolean allowNegativeStock, Boolean active, Long version) {
        this(code, name, description, type, sourcing, stockUnitId, leadTimeDays, lotSizing, lotSizeQuantity,
                lotSizeMinimum, lotSizeMaximum, lotSizeMultiple, periodsOfSupply, safetyStock, standardCost,
                standardLotSize, tracking, allowNegativeStock, active, version, null);
    }
}
