package org.pilotline.erp.scheduling.solver;

/**
 * Whether the same problem, settings and seed must give the same schedule.
 *
 * <p>CP-SAT with several workers and a wall-clock limit is not deterministic: thread timing decides which worker
 * shares what when, and the clock decides where the search stops. {@link #REPRODUCIBLE} therefore runs CP-SAT's
 * interleaved search (its workers' tasks are scheduled in deterministic batches; the proto documents it as
 * "deterministic independently of num_workers") and stops it on a deterministic-time budget (a count of solver work,
 * not seconds) derived from the time limit by a factor calibrated on the reference machine. The trade-offs: on a slower
 * or loaded machine the same budget takes longer than the time limit (a wall-clock safety net then stops it, and the
 * result says it is not reproducible), and the interleaved search finds somewhat worse schedules per second than the
 * free-running portfolio.
 */
public enum Reproducibility {
    /** Same input, settings and seed → same schedule (deterministic time budget, interleaved search). */
    REPRODUCIBLE,
    /** The best schedule within the wall-clock limit, using the workers freely; not reproducible. */
    FASTEST
}
