package org.pilotline.kpi.programme;

/** The programme trains at two levels: engineering staff applying the technology, and management changing processes. */
public enum TrainingLevel {
    ENGINEERING, MANAGEMENT
}
