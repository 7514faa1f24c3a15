package org.pilotline.plc.browse.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.security.Roles;
import org.pilotline.plc.browse.AddressSpaceBrowser;
import org.pilotline.plc.browse.BrowseRequest;
import org.pilotline.plc.browse.BrowseService;

import java.util.List;

@Path("/api/gateway/browse")
@Tag(name = "PLC gateway")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrowseResource {

    @Inject
    BrowseService browser;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Browse an OPC UA server's address space one level down",
            description = "Returns the children of nodeId with node ids in nsu= form, ready for a binding. 422 when"
                    + " the server cannot be reached or refuses the connection (an untrusted certificate, say).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "422", description = "`gateway-disabled`: the gateway does not run here; `browse-failed`: the server could not be reached or browsed (the detail says why)")
    public List<AddressSpaceBrowser.BrowsedNode> browse(@Valid @NotNull BrowseRequest request) {
        return browser.browse(request);
    }
}
