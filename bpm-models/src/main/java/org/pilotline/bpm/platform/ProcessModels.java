package org.pilotline.bpm.platform;

import java.util.List;

/** The BPMN models and DMN decision tables PilotLine deploys for every enterprise, as classpath resources. */
public final class ProcessModels {

    public static final String ONBOARDING = "pilot-onboarding";
    public static final String PURCHASE_REQUISITION = "purchase-requisition";
    /** The decision table of a requisition's approval chain (amount thresholds, item category). */
    public static final String PURCHASE_APPROVAL_DECISION = "purchase-approval";
    public static final String NON_CONFORMANCE = "non-conformance";

    public static final List<String> RESOURCES = List.of(
            "bpmn/pilot-onboarding.bpmn",
            "bpmn/purchase-requisition.bpmn",
            "bpmn/non-conformance.bpmn",
            "dmn/purchase-approval.dmn");

    private ProcessModels() {
    }
}
