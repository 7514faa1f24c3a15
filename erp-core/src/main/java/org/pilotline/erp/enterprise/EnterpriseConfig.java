package org.pilotline.erp.enterprise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the enterprise service. */
@ConfigMapping(prefix = "pilotline.enterprise")
public interface EnterpriseConfig {

    /**
     * How long a replica answers {@link EnterpriseService#statusOf} from memory (a process start asks it every time).
     * A status change made on this replica is seen at once; on another replica within this time. 0 turns it off.
     */
    @WithDefault("5S")
    Duration statusCache();
}
