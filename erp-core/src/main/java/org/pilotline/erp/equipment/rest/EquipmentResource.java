package org.pilotline.erp.equipment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.equipment.Area;
import org.pilotline.erp.equipment.EquipmentService;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.equipment.EquipmentDtos.AreaRequest;
import org.pilotline.erp.equipment.EquipmentDtos.AreaView;
import org.pilotline.erp.equipment.EquipmentDtos.WorkCenterRequest;
import org.pilotline.erp.equipment.EquipmentDtos.WorkCenterView;
import org.pilotline.erp.equipment.EquipmentDtos.WorkUnitRequest;
import org.pilotline.erp.equipment.EquipmentDtos.WorkUnitView;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api")
@Tag(name = "Equipment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class EquipmentResource {

    @Inject
    EquipmentService equipment;

    @GET
    @Path("/areas")
    @Operation(summary = "List areas", description = "Filter with q and siteId.")
    public Page<AreaView> areas(@BeanParam PageParams paging, @QueryParam("q") String text, @QueryParam("siteId") Long siteId) {
        return equipment.listAreas(paging.toRequest(), text, siteId);
    }

    @GET
    @Path("/areas/{id}")
    @Operation(summary = "Read an area")
    public AreaView area(@PathParam("id") long id) {
        return equipment.getArea(id);
    }

    @POST
    @Path("/areas")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create an area")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = AreaView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response createArea(@Valid @NotNull AreaRequest request) {
        AreaView created = equipment.saveArea(null, request);
        return Response.created(URI.create("/api/areas/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/areas/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change an area")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public AreaView updateArea(@PathParam("id") long id, @Valid @NotNull AreaRequest request) {
        return equipment.saveArea(id, request);
    }

    @DELETE
    @Path("/areas/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete an area nothing refers to")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response deleteArea(@PathParam("id") long id) {
        equipment.delete(Area.class, "Area", id);
        return Response.noContent().build();
    }

    @GET
    @Path("/work-centers")
    @Operation(summary = "List work centers", description = "Filter with q and areaId.")
    public Page<WorkCenterView> workCenters(@BeanParam PageParams paging, @QueryParam("q") String text,
                                            @QueryParam("areaId") Long areaId) {
        return equipment.listWorkCenters(paging.toRequest(), text, areaId);
    }

    @GET
    @Path("/work-centers/{id}")
    @Operation(summary = "Read a work center")
    public WorkCenterView workCenter(@PathParam("id") long id) {
        return equipment.getWorkCenter(id);
    }

    @POST
    @Path("/work-centers")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a work center")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = WorkCenterView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    @APIResponse(responseCode = "422", description = "`parallel-units-follow-work-units`: parallelUnits contradicts the work units of the work center")
    public Response createWorkCenter(@Valid @NotNull WorkCenterRequest request) {
        WorkCenterView created = equipment.saveWorkCenter(null, request);
        return Response.created(URI.create("/api/work-centers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/work-centers/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a work center")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    @APIResponse(responseCode = "422", description = "`parallel-units-follow-work-units`: parallelUnits contradicts the work units of the work center")
    public WorkCenterView updateWorkCenter(@PathParam("id") long id, @Valid @NotNull WorkCenterRequest request) {
        return equipment.saveWorkCenter(id, request);
    }

    @DELETE
    @Path("/work-centers/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a work center nothing refers to")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response deleteWorkCenter(@PathParam("id") long id) {
        equipment.delete(WorkCenter.class, "Work center", id);
        return Response.noContent().build();
    }

    @GET
    @Path("/work-units")
    @Operation(summary = "List work units (machines)", description = "Filter with q and workCenterId.")
    public Page<WorkUnitView> workUnits(@BeanParam PageParams paging, @QueryParam("q") String text,
                                        @QueryParam("workCenterId") Long workCenterId) {
        return equipment.listWorkUnits(paging.toRequest(), text, workCenterId);
    }

    @GET
    @Path("/work-units/{id}")
    @Operation(summary = "Read a work unit")
    public WorkUnitView workUnit(@PathParam("id") long id) {
        return equipment.getWorkUnit(id);
    }

    @POST
    @Path("/work-units")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a work unit")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = WorkUnitView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response createWorkUnit(@Valid @NotNull WorkUnitRequest request) {
        WorkUnitView created = equipment.saveWorkUnit(null, request);
        return Response.created(URI.create("/api/work-units/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/work-units/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a work unit")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public WorkUnitView updateWorkUnit(@PathParam("id") long id, @Valid @NotNull WorkUnitRequest request) {
        return equipment.saveWorkUnit(id, request);
    }

    @DELETE
    @Path("/work-units/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a work unit nothing refers to")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response deleteWorkUnit(@PathParam("id") long id) {
        equipment.delete(WorkUnit.class, "Work unit", id);
        return Response.noContent().build();
    }
}
