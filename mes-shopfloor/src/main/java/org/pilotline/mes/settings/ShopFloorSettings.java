package org.pilotline.mes.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.hibernate.query.NativeQuery;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads the enterprise's and the work centers' shop-floor settings, with their defaults. Every quantity report reads
 * them, so they are read with SQL naming the tenant (Hibernate translates a query anew on every call while the tenant
 * filter is enabled; a native query it does not translate).
 */
@ApplicationScoped
public class ShopFloorSettings {

    /** Without a setting of its own an enterprise accepts no more than it ordered. */
    public static final BigDecimal DEFAULT_OVER_DELIVERY_TOLERANCE = BigDecimal.ZERO;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    public Optional<EnterpriseSettings> enterprise() {
        return first(em.createNativeQuery("select * from mes_enterprise_settings where tenant_id = ?1", EnterpriseSettings.class)
                .setParameter(1, tenant.requireEnterprise()), EnterpriseSettings.class);
    }

    public BigDecimal overDeliveryTolerance() {
        return enterprise().map(s -> s.overDeliveryTolerance).orElse(DEFAULT_OVER_DELIVERY_TOLERANCE);
    }

    public Optional<BigDecimal> scrapNcrThreshold() {
        return enterprise().map(s -> s.scrapNcrThreshold);
    }

    public Optional<WorkCenterSettings> workCenter(long workCenterId) {
        return first(em.createNativeQuery("select * from mes_work_center_settings where tenant_id = ?1 and work_center_id = ?2",
                WorkCenterSettings.class).setParameter(1, tenant.requireEnterprise()).setParameter(2, workCenterId),
                WorkCenterSettings.class);
    }

    /** The first row as an entity; only pending changes of that entity are flushed before the read. */
    private static <T> Optional<T> first(jakarta.persistence.Query query, Class<T> entity) {
        NativeQuery<?> nativeQuery = query.unwrap(NativeQuery.class).addSynchronizedEntityClass(entity);
        return nativeQuery.getResultStream().findFirst().map(entity::cast);
    }
}
