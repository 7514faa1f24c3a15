package org.pilotline.platform.tenancy;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.tenancy.TenantContext;

/**
 * The platform's tenant resolver: Hibernate filters every {@code @TenantId} entity of every module by what this
 * returns. The tenant is the caller's enterprise (from the authenticated identity) or the one named explicitly by
 * background work; a unit of work with neither sees no enterprise data at all.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class PilotLineTenantResolver implements TenantResolver {

    @Inject
    TenantContext tenants;

    @Override
    public String getDefaultTenantId() {
        return tenants.currentTenantId();
    }

    @Override
    public String resolveTenantId() {
        return tenants.currentTenantId();
    }

    @Override
    public boolean isRoot(String tenantId) {
        return TenantContext.ALL_TENANTS.equals(tenantId);
    }
}
