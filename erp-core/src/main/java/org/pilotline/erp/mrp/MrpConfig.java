package org.pilotline.erp.mrp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of MRP (declared as a mapping: the suite refuses undeclared {@code pilotline.*} settings). */
@ConfigMapping(prefix = "pilotline.mrp")
public interface MrpConfig {

    /**
     * How many plan elements the plan cache keeps across enterprises (≈ 85 bytes each); beyond it the least recently
     * used enterprises' plans are dropped.
     */
    @WithDefault("30000000")
    long planCacheElements();
}
