package org.pilotline.erp.mrp.forecast.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.pilotline.erp.mrp.forecast.ForecastService.ForecastRequest;
import org.pilotline.erp.mrp.forecast.ForecastService.ForecastView;
import org.pilotline.erp.mrp.forecast.ForecastService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@Path("/api/mrp/forecasts")
@Tag(name = "MRP", description = "Forecasts, MRP runs, planned orders, pegging, exceptions, planner actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.EXPERT})
public class ForecastResource {

    @Inject
    ForecastService forecasts;

    @GET
    @Operation(summary = "List forecasts", description = "Filter with itemId and weeks in [from, to); sort by week or item.")
    public Page<ForecastView> list(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                                   @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return forecasts.listForecasts(paging.toRequest(), itemId, from, to);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a forecast")
    public ForecastView get(@PathParam("id") long id) {
        return forecasts.getForecast(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a forecast", description = "The week is moved to its Monday; one forecast per item and week (409).")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ForecastView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-forecast`: the item has a forecast for that week")
    public Response create(@Valid @NotNull ForecastRequest request) {
        ForecastView created = forecasts.saveForecast(null, request);
        return Response.created(URI.create("/api/mrp/forecasts/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a forecast", description = "Send the version read; 409 stale-version.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-forecast`; `stale-version`")
    public ForecastView update(@PathParam("id") long id, @Valid @NotNull ForecastRequest request) {
        return forecasts.saveForecast(id, request);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Set many forecasts at once", description = "Creates or replaces the forecast of each item and week given, all or nothing.")
    public List<ForecastView> replace(@NotEmpty @Size(max = 10000) List<@Valid @NotNull ForecastRequest> requests) {
        return forecasts.replaceForecasts(requests);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a forecast")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response delete(@PathParam("id") long id) {
        forecasts.deleteForecast(id);
        return Response.noContent().build();
    }
}
