package org.pilotline.bpm.platform;

import java.util.List;

/** The BPMN models and DMN decision tables PilotLine deploys for every enterprise, as classpath resources. */
public final class ProcessModels {

    public static final String ONBOARDING = "pilot-onboarding";
    public static final String PURCHASE_REQUISITION = "purchase-requisition";
    /** The decision table of a requisition's approval chain (amount thresholds, item category). */
    public static final String PURCHASE_APPROVAL_DECISION = "purchase-approval";
    public static final String NON_CONFORMANCE = "non-conformance";
    public static final String ENGINEERING_CHANGE = "engineering-change";
    public static final String SALES_ORDER_REVIEW = "sales-order-review";

    /** The processes an enterprise may deploy its own version of. */
    public static final List<String> PROCESS_KEYS = List.of(ONBOARDING, PURCHASE_REQUISITION, NON_CONFORMANCE,
            ENGINEERING_CHANGE, SALES_ORDER_REVIEW);

    /** Deployments of an enterprise's own version of a model are named this, then the model's key. */
    public static final String ENTERPRISE_DEPLOYMENT_PREFIX = "enterprise:";

    public static final List<String> RESOURCES = List.of(
            "bpmn/pilot-onboarding.bpmn",
            "bpmn/purchase-requisition.bpmn",
            "bpmn/non-conformance.bpmn",
            "bpmn/engineering-change.bpmn",
            "bpmn/sales-order-review.bpmn",
            "dmn/purchase-approval.dmn");

    private ProcessModels() {
    }

    /** The key of a model's resource: its file name without folder and extension ({@code bpmn/x.bpmn} → x). */
    public static String keyOf(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return file.substring(0, file.lastIndexOf('.'));
    }
}
