package org.pilotline.bpm.nonconformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.pilotline.mes.inspection.NonConformanceRaised;

/**
 * Every non-conformance the MES raises — from an inspection, a scrap report or by hand — starts its process, in the
 * raising transaction (the MES fires the event; bpm-models, above it, observes).
 */
@ApplicationScoped
public class StartNonConformanceProcess {

    @Inject
    NonConformanceService nonConformances;

    void onRaised(@Observes NonConformanceRaised raised) {
        nonConformances.startProcess(raised);
    }
}
