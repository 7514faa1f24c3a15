package org.pilotline.kpi.programme;

/** What a cohort was selected for: piloting the suite, or demonstrating it to peers (示范). */
public enum CohortType {
    PILOT, DEMONSTRATION
}
