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
        @NotNull Long itemId,
        @NotBlank @Size(max = 16) String revision,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Operation> operations,
        Long version) {

    public record Operation(@NotNull @Min(1) Integer operationNo,
                            @NotBlank @Size(max = 200) String name,
                            @NotNull Long workCenterId,
                            @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal setupMinutes,
                            @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal runMinutes,
                            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
                            @Schema(description = "units after which the next operation may start (overlap)") BigDecimal transferQuantity,
                            @Size(max = 20) List<@Valid @NotNull Alternative> alternatives) {
    }

    public record Alternative(@NotNull Long workCenterId,
                              @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal setupMinutes,
                              @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal runMinutes) {
    }
}
