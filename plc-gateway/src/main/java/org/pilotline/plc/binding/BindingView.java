package org.pilotline.plc.binding;

/** A machine binding as the API shows it (the password never leaves the server). */
public record BindingView(long id, String machineCode, Long workUnitId, String endpointUrl,
                          SecurityPolicyChoice securityPolicy, SecurityModeChoice securityMode, IdentityKind identityKind,
                          String username, boolean passwordSet, String identityKeyStore, StateMappingKind stateMapping,
                          String itemStateNode, String operationModeNode, String runningNode, String faultNode,
                          String packMlStateNode, String totalCountNode, String goodCountNode, String rejectCountNode,
                          Long counterModulus, String speedNode, String alarmNode, double samplingIntervalMs,
                          double publishingIntervalMs, long version) {

    public static BindingView of(MachineBindingEntity e) {
        return new BindingView(e.id, e.machineCode, e.workUnitId, e.endpointUrl, e.securityPolicy, e.securityMode,
                e.identityKind, e.username, e.password != null, e.identityKeyStore, e.stateMapping, e.itemStateNode,
                e.operationModeNode, e.runningNode, e.faultNode, e.packMlStateNode, e.totalCountNode, e.goodCountNode,
                e.rejectCountNode, e.counterModulus, e.speedNode, e.alarmNode, e.samplingIntervalMs,
                e.publishingIntervalMs, e.version);
    }
}
