package org.pilotline.app.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The generated demo programme (prefix {@code pilotline.demo-programme}); it needs {@code pilotline.demo.enabled}. */
@ConfigMapping(prefix = "pilotline.demo-programme")
public interface DemoProgrammeConfig {

    /** Generate the programme's pilot enterprises and their history in the background once the application is ready. */
    @WithDefault("false")
    boolean enabled();

    /** How many of the 28 generated pilot enterprises (with demo and demo2, the programme's 30). */
    @WithDefault("28")
    int enterprises();

    /** Days of raw history per enterprise, ending at the hour the generation first started. */
    @WithDefault("90")
    int days();
}
