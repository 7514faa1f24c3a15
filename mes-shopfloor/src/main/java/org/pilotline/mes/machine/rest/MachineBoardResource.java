package org.pilotline.mes.machine.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.pilotline.mes.machine.MachineBoardFeed;
import org.pilotline.mes.machine.MachineBoardService;
import org.pilotline.platform.security.Roles;
import org.pilotline.platform.tenancy.TenantContext;

@Path("/api/mes/machines")
@Tag(name = "Machine-state history", description = "What the PLCs reported: state intervals, part counts, data loss")
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN, Roles.EXPERT})
public class MachineBoardResource {

    @Inject
    MachineBoardService board;

    @Inject
    MachineBoardFeed feed;

    @Inject
    TenantContext tenant;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The machine board: every active work unit, its machine's state now and the operation under way")
    @APIResponse(responseCode = "200")
    public MachineBoardService.Board get() {
        return board.board();
    }

    @GET
    @Path("/stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The machine board live (server-sent events)", description = "First a `board` event (the"
            + " board as GET /api/mes/machines gives it), then a `state` event for each machine of the caller's"
            + " enterprise whose state changes, once the gateway's batch is stored.")
    @APIResponse(responseCode = "200")
    public Multi<MachineBoardFeed.BoardEvent> stream() {
        String enterprise = tenant.requireEnterprise();
        MachineBoardFeed.Subscriber subscriber = feed.open(enterprise);
        try {
            return feed.stream(enterprise, subscriber, board.board());
        } catch (RuntimeException e) {
            feed.close(enterprise, subscriber);
            throw e;
        }
    }
}
