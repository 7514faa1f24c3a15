package org.pilotline.app.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.delivery.TenantScope;

import java.util.function.Supplier;

/** The platform's side of the gateway's {@link TenantScope}: background work named as an enterprise. */
@ApplicationScoped
public class GatewayTenantScope implements TenantScope {

    @Override
    public <T> T callAs(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, work::get);
    }
}
