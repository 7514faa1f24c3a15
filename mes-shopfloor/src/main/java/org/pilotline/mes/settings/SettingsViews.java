package org.pilotline.mes.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** What the settings use cases take and return. */
public final class SettingsViews {

    private SettingsViews() {
    }

    public record EnterpriseSettingsRequest(
            @Schema(description = "Fraction of the order quantity a work order may yield beyond it: 0.05 is 5 %")
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal overDeliveryTolerance,
            @Schema(description = "A scrap report above this fraction of the order quantity raises a non-conformance;"
                    + " null: never")
            @DecimalMin("0") @DecimalMax("1") BigDecimal scrapNcrThreshold,
            @Schema(description = "The version you read; omit when there are no settings yet") Long version) {
    }

    public record EnterpriseSettingsView(BigDecimal overDeliveryTolerance, BigDecimal scrapNcrThreshold, Long version) {
    }

    public record WorkCenterSettingsRequest(Long stagingLocationId, Long receiptLocationId,
                                            @NotNull CountingSource countingSource, Long version) {
    }

    public record WorkCenterSettingsView(long workCenterId, Long stagingLocationId, Long receiptLocationId,
                                         CountingSource countingSource, Long version) {
    }
}
