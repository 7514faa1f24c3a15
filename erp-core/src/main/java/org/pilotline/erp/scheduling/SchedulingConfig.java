package org.pilotline.erp.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the planner's solves. */
@ConfigMapping(prefix = "pilotline.scheduling")
public interface SchedulingConfig {

    /** How many solves one replica runs at the same time; further solves wait in its queue. */
    @WithDefault("1")
    int concurrentSolves();

    /** CP-SAT workers per solve (the cores one solve may use). */
    @WithDefault("2")
    int solverThreads();

    /** How often a running solve writes its heartbeat, progress and best schedule so far, and looks for a cancel. */
    @WithDefault("500ms")
    Duration progressInterval();

    /** A queued or running solve whose heartbeat is older than this is taken as abandoned (its replica is gone). */
    @WithDefault("60s")
    Duration staleAfter();

    /** Working time is laid out this far beyond the latest due date (and at least this far from the horizon start). */
    @WithDefault("28")
    int horizonDays();

    /** The longest time limit a planner may ask for, in seconds. */
    @WithDefault("600")
    int maxTimeLimitSeconds();
}
