package org.pilotline.plc.binding;

/**
 * How one machine is read: the OPC UA endpoint and its security, the identity, the nodes that carry state and part
 * counters, and the intervals. Node ids are in the OPC UA text form ({@code ns=2;s=Machines/HZ1-CNC-01/State}, or
 * {@code nsu=<namespace uri>;s=...} to survive namespace index changes). Plain values; validated by {@link BindingRules}.
 *
 * @param tenant                 the enterprise code the machine belongs to
 * @param machineCode            unique per enterprise
 * @param workUnitId             the erp-core work unit (ISA-95) the machine is, when known
 * @param username               for {@link IdentityKind#USERNAME}
 * @param password               for {@link IdentityKind#USERNAME}, or of the key store for {@link IdentityKind#CERTIFICATE}
 * @param identityKeyStore       PKCS#12 file with the user certificate and key, for {@link IdentityKind#CERTIFICATE}
 * @param counterModulus         where the PLC's counters roll over (e.g. 65536); null derives it from the data type
 * @param samplingIntervalMs     requested sampling interval of every monitored item
 * @param publishingIntervalMs   requested publishing interval of the subscription
 */
public record MachineBinding(
        String tenant,
        String machineCode,
        Long workUnitId,
        String endpointUrl,
        SecurityPolicyChoice securityPolicy,
        SecurityModeChoice securityMode,
        IdentityKind identityKind,
        String username,
        String password,
        String identityKeyStore,
        StateMappingKind stateMapping,
        String itemStateNode,
        String operationModeNode,
        String runningNode,
        String faultNode,
        String packMlStateNode,
        String totalCountNode,
        String goodCountNode,
        String rejectCountNode,
        Long counterModulus,
        String speedNode,
        String alarmNode,
        double samplingIntervalMs,
        double publishingIntervalMs) {

    /** Machines on the same endpoint with the same security and identity share one OPC UA session. */
    public ConnectionKey connectionKey() {
        return new ConnectionKey(endpointUrl, securityPolicy, securityMode, identityKind, username, password,
                identityKeyStore);
    }

    /** Identifies one OPC UA session of the gateway. */
    public record ConnectionKey(String endpointUrl, SecurityPolicyChoice securityPolicy, SecurityModeChoice securityMode,
                                IdentityKind identityKind, String username, String password, String identityKeyStore) {
        @Override
        public String toString() {
            return endpointUrl + " [" + securityPolicy + "/" + securityMode + ", " + identityKind
                    + (username == null ? "" : " " + username) + "]";
        }
    }

    /** A binding read with the defaults of the single-server simulator: anonymous, no security, 1 s intervals. */
    public static MachineBinding machinery(String tenant, String machineCode, String endpointUrl, String namespaceUri,
                                           String simulatorMachine) {
        String base = "nsu=" + namespaceUri + ";s=" + simulatorMachine + "/";
        return new MachineBinding(tenant, machineCode, null, endpointUrl, SecurityPolicyChoice.None,
                SecurityModeChoice.None, IdentityKind.ANONYMOUS, null, null, null, StateMappingKind.MACHINERY,
                base + "MachineryItemState/CurrentState", base + "MachineryOperationMode/CurrentState",
                null, null, null, base + "Production/TotalCount", base + "Production/GoodCount",
                base + "Production/RejectCount", null, base + "Production/Speed", base + "Alarm", 1000, 1000);
    }

    public MachineBinding withEndpoint(String url, SecurityPolicyChoice policy, SecurityModeChoice mode) {
        return new MachineBinding(tenant, machineCode, workUnitId, url, policy, mode, identityKind, username, password,
                identityKeyStore, stateMapping, itemStateNode, operationModeNode, runningNode, faultNode,
                packMlStateNode, totalCountNode, goodCountNode, rejectCountNode, counterModulus, speedNode, alarmNode,
                samplingIntervalMs, publishingIntervalMs);
    }

    public MachineBinding withIntervals(double samplingMs, double publishingMs) {
        return new MachineBinding(tenant, machineCode, workUnitId, endpointUrl, securityPolicy, securityMode,
                identityKind, username, password, identityKeyStore, stateMapping, itemStateNode, operationModeNode,
                runningNode, faultNode, packMlStateNode, totalCountNode, goodCountNode, rejectCountNode, counterModulus,
                speedNode, alarmNode, samplingMs, publishingMs);
    }

    public MachineBinding withIdentity(IdentityKind kind, String user, String secret, String keyStore) {
        return new MachineBinding(tenant, machineCode, workUnitId, endpointUrl, securityPolicy, securityMode, kind,
                user, secret, keyStore, stateMapping, itemStateNode, operationModeNode, runningNode, faultNode,
                packMlStateNode, totalCountNode, goodCountNode, rejectCountNode, counterModulus, speedNode, alarmNode,
                samplingIntervalMs, publishingIntervalMs);
    }

    public MachineBinding withStateNodes(StateMappingKind kind, String itemState, String mode, String running,
                                         String fault, String packMl) {
        return new MachineBinding(tenant, machineCode, workUnitId, endpointUrl, securityPolicy, securityMode,
                identityKind, username, password, identityKeyStore, kind, itemState, mode, running, fault, packMl,
                totalCountNode, goodCountNode, rejectCountNode, counterModulus, speedNode, alarmNode,
                samplingIntervalMs, publishingIntervalMs);
    }

    public MachineBinding withCounters(String total, String good, String reject, Long modulus) {
        return new MachineBinding(tenant, machineCode, workUnitId, endpointUrl, securityPolicy, securityMode,
                identityKind, username, password, identityKeyStore, stateMapping, itemStateNode, operationModeNode,
                runningNode, faultNode, packMlStateNode, total, good, reject, modulus, speedNode, alarmNode,
                samplingIntervalMs, publishingIntervalMs);
    }

    public MachineBinding withOptionalNodes(String speed, String alarm) {
        return new MachineBinding(tenant, machineCode, workUnitId, endpointUrl, securityPolicy, securityMode,
                identityKind, username, password, identityKeyStore, stateMapping, itemStateNode, operationModeNode,
                runningNode, faultNode, packMlStateNode, totalCountNode, goodCountNode, rejectCountNode, counterModulus,
                speed, alarm, samplingIntervalMs, publishingIntervalMs);
    }
}
