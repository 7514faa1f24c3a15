package org.pilotline.erp.scheduling.solver.cpsat;

/**
 * What one CP-SAT phase minimises. A cap on weighted tardiness turns a makespan phase into phase two of the
 * lexicographic objective.
 */
public record CpSatGoal(boolean minimiseMakespan, Long weightedTardinessCap) {

    public static CpSatGoal makespan() {
        return new CpSatGoal(true, null);
    }

    public static CpSatGoal weightedTardiness() {
        return new CpSatGoal(false, null);
    }

    public static CpSatGoal makespanWithTardinessAtMost(long cap) {
        return new CpSatGoal(true, cap);
    }
}
