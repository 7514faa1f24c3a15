package org.pilotline.bpm.platform;

import java.util.List;

/** The BPMN models PilotLine deploys for every enterprise, as classpath resources. */
public final class ProcessModels {

    public static final String ONBOARDING = "pilot-onboarding";

    static final List<String> RESOURCES = List.of("bpmn/pilot-onboarding.bpmn");

    private ProcessModels() {
    }
}
