package org.pilotline.platform.journal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

@Path("/api/journal")
@Tag(name = "Journal", description = "What happened in the enterprise's programme work")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class JournalResource {

    @Inject
    JournalService journal;

    @GET
    @Operation(summary = "List journal entries", description = "Filter by kind and subject; newest last unless sort=-recordedAt.")
    public Page<JournalService.EntryView> list(@BeanParam PageParams paging, @QueryParam("kind") String kind,
                                               @QueryParam("subject") String subject) {
        return journal.list(paging.toRequest(), kind, subject);
    }
}
