package org.pilotline.platform.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * An entity owned by one enterprise. Hibernate fills {@code tenant_id} from the current tenant on insert and filters
 * every query by it, so another enterprise's rows are simply not there.
 */
@MappedSuperclass
public abstract class TenantOwned extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false, length = 32)
    public String tenantId;
}
