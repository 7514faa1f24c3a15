package org.pilotline.erp.scheduling.solver.cpsat;

/**
 * How much CP-SAT may search and how.
 *
 * @param wallSeconds          the wall-clock limit (in reproducible mode only a safety net)
 * @param deterministicSeconds the deterministic-time limit, or {@code Double.POSITIVE_INFINITY} for none
 * @param workers              CP-SAT workers
 * @param seed                 random seed
 * @param interleaved          CP-SAT's deterministic interleaved search instead of its free-running portfolio
 * @param improveOnly          all workers improve the hinted schedule (large neighbourhood search only); only when the
 *                             hint is a complete feasible schedule
 */
public record SearchBudget(double wallSeconds, double deterministicSeconds, int workers, long seed,
                           boolean interleaved, boolean improveOnly) {
}
