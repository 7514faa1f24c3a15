package org.pilotline.plc.browse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.plc.binding.BindingService;
import org.pilotline.plc.binding.IdentityKind;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.binding.SecurityModeChoice;
import org.pilotline.plc.binding.SecurityPolicyChoice;
import org.pilotline.plc.runtime.GatewayRuntime;
import org.pilotline.plc.web.GatewayProblems;

import java.util.List;

@Path("/api/gateway/browse")
@Tag(name = "PLC gateway")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrowseResource {

    @Schema(description = "Which server to browse and from which node (the Objects folder when nodeId is empty).")
    public record BrowseRequest(@NotBlank @Size(max = 500) String endpointUrl, @NotNull SecurityPolicyChoice securityPolicy,
                                @NotNull SecurityModeChoice securityMode, @NotNull IdentityKind identityKind,
                                @Size(max = 100) String username, @Size(max = 200) String password,
                                @Size(max = 500) String identityKeyStore, @Size(max = 500) String nodeId) {
    }

    @Inject
    BindingService bindings;

    @Inject
    GatewayRuntime runtime;

    @POST
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Browse an OPC UA server's address space one level down",
            description = "Returns the children of nodeId with node ids in nsu= form, ready for a binding. 422 when"
                    + " the server cannot be reached or refuses the connection (an untrusted certificate, say).")
    public List<AddressSpaceBrowser.BrowsedNode> browse(@Valid @NotNull BrowseRequest request) {
        bindings.requireEnterprise();
        if (runtime.pki() == null) {
            throw GatewayProblems.problem(422, "gateway-disabled", "The gateway is not running here",
                    "Browsing needs the gateway's certificates; it is disabled in this application", List.of());
        }
        MachineBinding.ConnectionKey key = new MachineBinding.ConnectionKey(request.endpointUrl(), request.securityPolicy(),
                request.securityMode(), request.identityKind(), request.username(), request.password(),
                request.identityKeyStore());
        try {
            return new AddressSpaceBrowser(runtime.connectionSettings(), runtime.pki()).children(key, request.nodeId());
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw GatewayProblems.problem(422, "browse-failed", "The server could not be browsed",
                    String.valueOf(root.getMessage()), List.of());
        }
    }
}
