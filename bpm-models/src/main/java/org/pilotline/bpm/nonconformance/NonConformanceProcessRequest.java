package org.pilotline.bpm.nonconformance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A non-conformance raised by hand; the same requestId sent again starts nothing new. */
@Schema(description = "A non-conformance raised by hand, with the client's request id")
public record NonConformanceProcessRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*",
                message = "letters, digits, '.', '_', ':' or '-' only") String requestId,
        @NotNull Long itemId,
        Long workOrderId,
        Long operationId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
        @Schema(description = "in the item's stock unit") BigDecimal quantity,
        @NotBlank @Size(max = 1000) String description) {
}
