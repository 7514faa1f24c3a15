package org.pilotline.plc.browse;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.plc.binding.IdentityKind;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.binding.SecurityModeChoice;
import org.pilotline.plc.binding.SecurityPolicyChoice;

@Schema(description = "Which server to browse and from which node (the Objects folder when nodeId is empty).")
public record BrowseRequest(@NotBlank @Size(max = 500) String endpointUrl, @NotNull SecurityPolicyChoice securityPolicy,
                            @NotNull SecurityModeChoice securityMode, @NotNull IdentityKind identityKind,
                            @Size(max = 100) String username, @Size(max = 200) String password,
                            @Size(max = 500) String identityKeyStore, @Size(max = 500) String nodeId) {

    /** The session to open: the same key a binding with these settings would connect with. */
    public MachineBinding.ConnectionKey connectionKey() {
        return new MachineBinding.ConnectionKey(endpointUrl, securityPolicy, securityMode, identityKind, username,
                password, identityKeyStore);
    }
}
