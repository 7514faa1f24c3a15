package org.pilotline.mes.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.Optional;

/** Reads the enterprise's and the work centers' shop-floor settings, with their defaults. */
@ApplicationScoped
public class ShopFloorSettings {

    /** Without a setting of its own an enterprise accepts no more than it ordered. */
    public static final BigDecimal DEFAULT_OVER_DELIVERY_TOLERANCE = BigDecimal.ZERO;

    @Inject
    EntityManager em;

    public Optional<EnterpriseSettings> enterprise() {
        return em.createQuery("select s from EnterpriseSettings s", EnterpriseSettings.class).getResultStream().findFirst();
    }

    public BigDecimal overDeliveryTolerance() {
        return enterprise().map(s -> s.overDeliveryTolerance).orElse(DEFAULT_OVER_DELIVERY_TOLERANCE);
    }

    public Optional<BigDecimal> scrapNcrThreshold() {
        return enterprise().map(s -> s.scrapNcrThreshold);
    }

    public Optional<WorkCenterSettings> workCenter(long workCenterId) {
        return em.createQuery("select s from WorkCenterSettings s where s.workCenterId = :wc", WorkCenterSettings.class)
                .setParameter("wc", workCenterId).getResultStream().findFirst();
    }
}
