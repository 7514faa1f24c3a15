package org.pilotline.plc.binding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How one machine is read over OPC UA. Node ids in OPC UA text form (ns=2;s=... or nsu=<uri>;s=...)."
        + " On update, version is the version that was read; a password left out on update keeps the stored one.")
public record BindingRequest(
        @NotBlank @Size(max = 64) String machineCode,
        @Schema(description = "erp-core work unit id (ISA-95), when known") Long workUnitId,
        @NotBlank @Size(max = 500) String endpointUrl,
        @NotNull SecurityPolicyChoice securityPolicy,
        @NotNull SecurityModeChoice securityMode,
        @NotNull IdentityKind identityKind,
        @Size(max = 100) String username,
        @Schema(description = "Write-only; never returned") @Size(max = 200) String password,
        @Schema(description = "PKCS#12 file on the gateway with the user certificate (identity CERTIFICATE)") @Size(max = 500) String identityKeyStore,
        @NotNull StateMappingKind stateMapping,
        @Size(max = 500) String itemStateNode,
        @Size(max = 500) String operationModeNode,
        @Size(max = 500) String runningNode,
        @Size(max = 500) String faultNode,
        @Size(max = 500) String packMlStateNode,
        @Size(max = 500) String totalCountNode,
        @Size(max = 500) String goodCountNode,
        @Size(max = 500) String rejectCountNode,
        @Schema(description = "Where the counters roll over; empty derives it from the data type") Long counterModulus,
        @Size(max = 500) String speedNode,
        @Size(max = 500) String alarmNode,
        @Schema(description = "Default 1000") Double samplingIntervalMs,
        @Schema(description = "Default 1000") Double publishingIntervalMs,
        @Schema(description = "Required on update") Long version) {

    public MachineBinding toBinding(String tenant, String storedPassword) {
        return new MachineBinding(tenant, machineCode, workUnitId, endpointUrl, securityPolicy, securityMode, identityKind,
                username, password != null ? password : storedPassword, identityKeyStore, stateMapping, itemStateNode,
                operationModeNode, runningNode, faultNode, packMlStateNode, totalCountNode, goodCountNode,
                rejectCountNode, counterModulus, speedNode, alarmNode,
                samplingIntervalMs == null ? 1000 : samplingIntervalMs,
                publishingIntervalMs == null ? 1000 : publishingIntervalMs);
    }
}
