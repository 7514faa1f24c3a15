package org.pilotline.mes.inspection;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/** What the inspection and non-conformance use cases take and return. */
public final class InspectionViews {

    private InspectionViews() {
    }

    public record PlanRequest(@NotNull Long routingOperationId, @NotBlank @Size(max = 100) String characteristic,
                              @Digits(integer = 14, fraction = 6) BigDecimal nominal,
                              @Digits(integer = 14, fraction = 6) BigDecimal lowerLimit,
                              @Digits(integer = 14, fraction = 6) BigDecimal upperLimit,
                              @Size(max = 16) String unit, @NotNull @Min(1) Integer sampleSize) {
    }

    public record PlanView(long id, long routingOperationId, String characteristic, BigDecimal nominal,
                           BigDecimal lowerLimit, BigDecimal upperLimit, String unit, int sampleSize) {
    }

    /** A characteristic to measure at a work-order operation, copied from the routing's plan at release. */
    public record CharacteristicView(long id, long operationId, String name, BigDecimal nominal, BigDecimal lowerLimit,
                                     BigDecimal upperLimit, String unit, int sampleSize) {
    }

    /**
     * A result recorded at a work-order operation: the value measured for one of its characteristics, whether it was
     * within the limits, the quantity it stands for, and the report that carried it (its client id, so that a terminal
     * recognises its own reports, and who sent it).
     */
    public record ResultView(long id, long characteristicId, String characteristic, BigDecimal measured, String unit,
                             boolean withinLimits, BigDecimal concernsQuantity, Instant measuredAt, String clientId,
                             String reportedBy) {
    }

    public record NonConformanceView(long id, String number, NonConformance.Source source, NonConformance.Status status,
                                     Long workOrderId, Long operationId, long itemId, Long characteristicId,
                                     BigDecimal quantity, String description, Instant raisedAt, String raisedBy,
                                     Instant closedAt, long version) {

        static NonConformanceView of(NonConformance n) {
            return new NonConformanceView(n.id, n.number, n.source, n.status, n.workOrderId, n.operationId, n.itemId,
                    n.characteristicId, org.pilotline.platform.quantity.Decimals.plain(n.quantity), n.description,
                    n.raisedAt, n.raisedBy, n.closedAt, n.version);
        }
    }

    public record NonConformanceRequest(@NotNull Long itemId, Long workOrderId, Long operationId,
                                        @NotNull @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false)
                                        @Digits(integer = 14, fraction = 6) BigDecimal quantity, @NotBlank @Size(max = 1000) String description) {
    }
}
