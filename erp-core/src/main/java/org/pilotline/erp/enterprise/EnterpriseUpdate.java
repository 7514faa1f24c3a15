package org.pilotline.erp.enterprise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A full replacement of an enterprise's profile; {@code version} is the version the client read. */
public record EnterpriseUpdate(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String creditCode,
        @NotBlank @Size(max = 100) String industry,
        @NotNull ManufacturingType manufacturingType,
        @NotNull LocalDate pilotSince,
        @NotNull EnterpriseStatus status,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull Long version) {
}
