package org.pilotline.erp.scheduling.solver;

/** Receives each improved schedule during a solve, on the solving thread; keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void onImprovedSchedule(SolveProgress progress);
}
