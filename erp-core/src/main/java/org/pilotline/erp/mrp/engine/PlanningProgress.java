package org.pilotline.erp.mrp.engine;

/** Told after each low-level code how far a run has come (for an asynchronous run's progress). */
@FunctionalInterface
public interface PlanningProgress {

    PlanningProgress NONE = (planned, total) -> { };

    void itemsPlanned(int planned, int total);
}
