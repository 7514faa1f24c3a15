package org.pilotline.plc.delivery;

import java.util.function.Supplier;

/**
 * Runs background work as one enterprise. The tenant resolver belongs to the platform, which implements this as a CDI
 * bean; plc-gateway cannot name erp-core's tenant context. The gateway's in-process delivery runs on its own thread,
 * without a request, so it must name the batch's enterprise for the ingest transaction and its observers.
 */
public interface TenantScope {

    /** Runs {@code work} (which opens its own transaction) as {@code tenant}. */
    <T> T callAs(String tenant, Supplier<T> work);
}
