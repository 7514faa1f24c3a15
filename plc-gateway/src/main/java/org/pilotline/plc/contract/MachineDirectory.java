package org.pilotline.plc.contract;

import java.util.Collection;
import java.util.Map;

/**
 * Which work unit of erp-core's equipment each machine of an enterprise is bound to, so that consumers of machine events
 * (the MES) can place them without knowing the gateway's bindings. Implemented by the gateway.
 */
public interface MachineDirectory {

    /** Machine code → work unit id of the enterprise's bound machines (machines bound to no work unit are left out). */
    Map<String, Long> workUnitsOf(String tenant);

    /**
     * The same for the named machines only: what a consumer of one batch needs (a batch names a few hundred of an
     * enterprise's possibly ten thousand machines).
     */
    Map<String, Long> workUnitsOf(String tenant, Collection<String> machines);
}
