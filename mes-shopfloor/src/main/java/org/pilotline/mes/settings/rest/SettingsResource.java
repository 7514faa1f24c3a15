package org.pilotline.mes.settings.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.settings.SettingsService;
import org.pilotline.mes.settings.SettingsViews.EnterpriseSettingsRequest;
import org.pilotline.mes.settings.SettingsViews.EnterpriseSettingsView;
import org.pilotline.mes.settings.SettingsViews.WorkCenterSettingsRequest;
import org.pilotline.mes.settings.SettingsViews.WorkCenterSettingsView;
import org.pilotline.platform.security.Roles;

@Path("/api/mes")
@Tag(name = "Shop-floor settings", description = "Over-delivery tolerance, scrap threshold, staging and receipt locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PLANNER})
public class SettingsResource {

    @Inject
    SettingsService settings;

    @GET
    @Path("/settings")
    @Operation(summary = "The enterprise's shop-floor settings")
    public EnterpriseSettingsView enterprise() {
        return settings.getEnterpriseSettings();
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.ADMIN) // the enterprise's administrator sets the shop floor up; managers and planners read
    @Operation(summary = "Change the enterprise's shop-floor settings")
    public EnterpriseSettingsView saveEnterprise(@Valid @NotNull EnterpriseSettingsRequest request) {
        return settings.saveEnterpriseSettings(request);
    }

    @GET
    @Path("/work-centers/{id}/settings")
    @Operation(summary = "A work center's staging and receipt locations and counting source")
    public WorkCenterSettingsView workCenter(@PathParam("id") long id) {
        return settings.getWorkCenterSettings(id);
    }

    @PUT
    @Path("/work-centers/{id}/settings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a work center's shop-floor settings", description = "Components are backflushed from"
            + " stagingLocationId, the last operation's output is received at receiptLocationId; countingSource MACHINE"
            + " makes the PLC part counts the good quantity.")
    public WorkCenterSettingsView saveWorkCenter(@PathParam("id") long id, @Valid @NotNull WorkCenterSettingsRequest request) {
        return settings.saveWorkCenterSettings(id, request);
    }
}
