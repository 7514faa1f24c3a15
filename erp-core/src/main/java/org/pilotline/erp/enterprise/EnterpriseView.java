package org.pilotline.erp.enterprise;


import java.time.Instant;
import java.time.LocalDate;

public record EnterpriseView(String code, String name, String creditCode, String industry,
                             ManufacturingType manufacturingType, LocalDate pilotSince, EnterpriseStatus status,
                             String timeZone, Instant createdAt, long version) {

    public static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.code, e.name, e.creditCode, e.industry, e.manufacturingType, e.pilotSince,
                e.status, e.timeZone, e.createdAt, e.version);
    }
}
