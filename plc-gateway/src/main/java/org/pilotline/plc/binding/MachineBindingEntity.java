package org.pilotline.plc.binding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/**
 * A stored machine binding of an enterprise; {@link BindingSecrets#binding} turns it into the plain value the
 * acquisition core uses (with the password decrypted). Id, enterprise ({@code tenant_id}) and version come from the
 * platform's {@link Versioned} base.
 */
@Entity
@Table(name = "plc_machine_binding")
public class MachineBindingEntity extends Versioned {

    @Column(name = "machine_code", nullable = false, length = 64)
    public String machineCode;

    @Column(name = "work_unit_id")
    public Long workUnitId;

    @Column(name = "endpoint_url", nullable = false, length = 500)
    public String endpointUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "security_policy", nullable = false, length = 32)
    public SecurityPolicyChoice securityPolicy;

    @Enumerated(EnumType.STRING)
    @Column(name = "security_mode", nullable = false, length = 16)
    public SecurityModeChoice securityMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_kind", nullable = false, length = 16)
    public IdentityKind identityKind;

    @Column(length = 100)
    public String username;

    /** Encrypted (see {@link BindingSecrets}) unless {@link #passwordEncrypted} is false (rows from before V2_003). */
    @Column(length = 1200)
    public String password;

    @Column(name = "password_encrypted", nullable = false)
    public boolean passwordEncrypted;

    @Column(name = "identity_key_store", length = 500)
    public String identityKeyStore;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_mapping", nullable = false, length = 24)
    public StateMappingKind stateMapping;

    @Column(name = "item_state_node", length = 500)
    public String itemStateNode;

    @Column(name = "operation_mode_node", length = 500)
    public String operationModeNode;

    @Column(name = "running_node", length = 500)
    public String runningNode;

    @Column(name = "fault_node", length = 500)
    public String faultNode;

    @Column(name = "packml_state_node", length = 500)
    public String packMlStateNode;

    @Column(name = "total_count_node", length = 500)
    public String totalCountNode;

    @Column(name = "good_count_node", length = 500)
    public String goodCountNode;

    @Column(name = "reject_count_node", length = 500)
    public String rejectCountNode;

    @Column(name = "counter_modulus")
    public Long counterModulus;

    @Column(name = "speed_node", length = 500)
    public String speedNode;

    @Column(name = "alarm_node", length = 500)
    public String alarmNode;

    @Column(name = "sampling_interval_ms", nullable = false)
    public double samplingIntervalMs;

    @Column(name = "publishing_interval_ms", nullable = false)
    public double publishingIntervalMs;

    @Column(name = "sequence_block", nullable = false)
    public long sequenceBlock;

    /** The binding with the password as stored (encrypted): {@link BindingSecrets#binding} gives the usable one. */
    public MachineBinding toBinding() {
        return new MachineBinding(tenantId, machineCode, workUnitId, endpointUrl, securityPolicy, securityMode,
                identityKind, username, password, identityKeyStore, stateMapping, itemStateNode, operationModeNode,
                runningNode, faultNode, packMlStateNode, totalCountNode, goodCountNode, rejectCountNode, counterModulus,
                speedNode, alarmNode, samplingIntervalMs, publishingIntervalMs);
    }

    public void apply(MachineBinding b) {
        machineCode = b.machineCode();
        workUnitId = b.workUnitId();
        endpointUrl = b.endpointUrl();
        securityPolicy = b.securityPolicy();
        securityMode = b.securityMode();
        identityKind = b.identityKind();
        username = b.username();
        // the password is set by BindingSecrets.seal, encrypted
        identityKeyStore = b.identityKeyStore();
        stateMapping = b.stateMapping();
        itemStateNode = b.itemStateNode();
        operationModeNode = b.operationModeNode();
        runningNode = b.runningNode();
        faultNode = b.faultNode();
        packMlStateNode = b.packMlStateNode();
        totalCountNode = b.totalCountNode();
        goodCountNode = b.goodCountNode();
        rejectCountNode = b.rejectCountNode();
        counterModulus = b.counterModulus();
        speedNode = b.speedNode();
        alarmNode = b.alarmNode();
        samplingIntervalMs = b.samplingIntervalMs();
        publishingIntervalMs = b.publishingIntervalMs();
    }
}
