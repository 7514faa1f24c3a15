package org.pilotline.erp.enterprise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today and the zone of the caller's enterprise: dates of effectivity and due dates are the plant's dates. */
@ApplicationScoped
public class PlantClock {

    @Inject
    TenantContext tenant;

    Clock clock = Clock.systemUTC();

    public ZoneId zone() {
        return Enterprise.findByCode(tenant.requireEnterprise()).map(e -> ZoneId.of(e.timeZone)).orElse(ZoneId.of("UTC"));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }
}
