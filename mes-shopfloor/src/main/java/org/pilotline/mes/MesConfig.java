package org.pilotline.mes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the shop floor. A mapping, not loose {@code @ConfigProperty} names: the suite refuses to start on a
 * {@code pilotline.*} setting that no mapping declares, so a setting must be declared here to be settable at all.
 */
@ConfigMapping(prefix = "pilotline.mes")
public interface MesConfig {

    Reports reports();

    MachineCounting machineCounting();

    interface Reports {
        /** Reports that arrive together are applied in groups of at most this many (1: every report alone). */
        @WithDefault("64")
        int groupSize();

        /** How many groups of one enterprise are applied at once, each on a connection of its own. */
        @WithDefault("4")
        int groupLanes();

        /** How many reports applied alone (replays, a rolled-back group's) are applied at once. */
        @WithDefault("16")
        int concurrency();

        /** How long a report may wait for its group or its turn before it is answered 503 server-busy, unsaved. */
        @WithDefault("10s")
        Duration admissionTimeout();
    }

    interface MachineCounting {
        /** How often the sweep looks for machine counts left PENDING; it also runs once at start-up. */
        @WithDefault("5s")
        Duration sweepInterval();

        /**
         * How many PENDING counts the sweep reads at a time. A round pages through all of them (oldest first), so
         * counts that keep failing hold up no later one; the page only bounds what is read at once.
         */
        @WithDefault("500")
        int sweepPage();
    }
}
