package org.pilotline.erp.routing;

import jakarta.validation.Valid;
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

@Schema(description = "A routing revision, replaced whole on update. Times are minutes; run time is per unit of the item.")
public record RoutingRequest(
        @Schema(description = "or itemCode") Long itemId,
        @NotBlank @Size(max = 16) String revision,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Operation> operations,
        Long version,
        @Size(max = 80) @Schema(description = "the item's code, instead of itemId") String itemCode) {

    /** The form Java callers use: item by id. */
    public RoutingRequest(Long itemId, String revision, LocalDate validFrom, LocalDate validTo, List<Operation> operations,
                          Long version) {
        this(itemId, revision, validFrom, validTo, operations, version, null);
    }

    public record Operation(@NotNull @Min(1) Integer operationNo,
                            @NotBlank @Size(max = 200) String name,
                            @Schema(description = "or workCenterCode") Long workCenterId,
                            @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal setupMinutes,
                            @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal runMinutes,
                            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
                            @Schema(description = "units after which the next operation may start (overlap)") BigDecimal transferQuantity,
                            @Size(max = 20) List<@Valid @NotNull Alternative> alternatives,
                            @Size(max = 80) @Schema(description = "the work center's code, instead of workCenterId") String workCenterCode) {

        /** The form Java callers use: work center by id. */
        public Operation(Integer operationNo, String name, Long workCenterId, BigDecimal setupMinutes,
                         BigDecimal runMinutes, BigDecimal transferQuantity, List<Alternative> alternatives) {
            this(operationNo, name, workCenterId, setupMinutes, runMinutes, transferQuantity, alternatives, null);
        }
    }

    public record Alternative(@Schema(description = "or workCenterCode") Long workCenterId,
                              @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal setupMinutes,
                              @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal runMinutes,
                              @Size(max = 80) @Schema(description = "the work center's code, instead of workCenterId") String workCenterCode) {

        /** The form Java callers use: work center by id. */
        public Alternative(Long workCenterId, BigDecimal setupMinutes, BigDecimal runMinutes) {
            this(workCenterId, setupMinutes, runMinutes, null);
        }
    }
}
