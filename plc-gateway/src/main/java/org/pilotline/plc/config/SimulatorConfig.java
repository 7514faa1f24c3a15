package org.pilotline.plc.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The PLC simulator started with the application (prefix {@code pilotline.simulator}). */
@ConfigMapping(prefix = "pilotline.simulator")
public interface SimulatorConfig {

    /** Start the simulator (embedded and test profiles). */
    @WithDefault("false")
    boolean enabled();

    /** Its fixed TCP port (the endpoint URL carries it). */
    @WithDefault("48410")
    int port();

    /** Address it listens on; loopback keeps it on this machine. */
    @WithDefault("127.0.0.1")
    String bindAddress();

    /** Host name in its endpoint URLs. */
    @WithDefault("localhost")
    String hostname();

    /** Number of machines, named M01, M02, ... */
    @WithDefault("6")
    int machineCount();

    /** Scenario seed: the same seed gives the same behaviour. */
    @WithDefault("2026")
    long seed();

    /** Mean cycle time of a part. */
    @WithDefault("4000")
    long cycleTimeMs();
}
