package org.pilotline.erp.scheduling.solver.cpsat;

import org.pilotline.erp.scheduling.solver.internal.Solution;

/**
 * The end of one CP-SAT phase.
 *
 * @param outcome           what CP-SAT concluded
 * @param best              the best solution it found, or null
 * @param bound             its best lower bound of the phase objective
 * @param deterministicTime the deterministic time it used
 * @param wallSeconds       the wall-clock time it used
 */
public record PhaseResult(Outcome outcome, Solution best, long bound, double deterministicTime, double wallSeconds) {

    public enum Outcome { OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN }
}
