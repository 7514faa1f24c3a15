package org.pilotline.platform.tenancy;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** A mutable enterprise-owned aggregate: a stale write is refused (409), never a silent overwrite. */
@MappedSuperclass
public abstract class Versioned extends TenantOwned {

    @Version
    public long version;
}
