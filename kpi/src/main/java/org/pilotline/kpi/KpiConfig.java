package org.pilotline.kpi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the KPI roll-ups. */
@ConfigMapping(prefix = "pilotline.kpi")
public interface KpiConfig {

    Rollup rollup();

    interface Rollup {

        /** Whether this replica brings roll-ups up to date in the background (touches wait for another one if not). */
        @WithDefault("true")
        boolean enabled();

        /** How often the background worker looks for work units the MES touched. */
        @WithDefault("1s")
        Duration interval();

        /**
         * The least time from one batch of an enterprise's touches to its next while they keep coming: a plant whose
         * terminals report without pause has its hours read again once per pace with every touch noted meanwhile, not
         * once per batch as fast as the lane can go (each batch reads the touched units' whole hours again). A batch that
         * is full (a backlog) is followed at once.
         */
        @WithDefault("1s")
        Duration pace();

        /**
         * How long after a change of the MES its days, weeks and months are recomputed (its hours and shifts are at
         * once): a month of a busy machine is a lot to read, and changes arriving meanwhile are read with it.
         */
        @WithDefault("60s")
        Duration coarseDelay();

        /** How often it makes sure every enterprise has the buckets of the hour under way (hours without events). */
        @WithDefault("60s")
        Duration newBucketCheck();

        /**
         * How often it compares the sales lines with what the delivery roll-ups counted (one statement over every
         * enterprise's lines: erp-core announces no shipment, so it is looked for, not told).
         */
        @WithDefault("5s")
        Duration deliveryCheck();

        /**
         * How many enterprises the worker brings up to date at once, each on a thread and connection of its own: a
         * plant whose terminals touch it without pause holds one lane, not every enterprise's roll-ups.
         */
        @WithDefault("2")
        int lanes();

        /** How far back a touch may reach; changes older than this wait for kpi-recompute. */
        @WithDefault("P400D")
        Duration longestReach();
    }
}
