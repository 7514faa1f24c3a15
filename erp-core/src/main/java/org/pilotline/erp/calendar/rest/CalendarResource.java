package org.pilotline.erp.calendar.rest;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.calendar.CalendarService;
import org.pilotline.erp.calendar.CalendarRequest;
import org.pilotline.erp.calendar.CalendarView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.time.Instant;

@Path("/api/calendars")
@Tag(name = "Calendars", description = "Working calendars: shifts per weekday, breaks and holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class CalendarResource {

    @Inject
    CalendarService calendars;

    @GET
    @Operation(summary = "List calendars")
    public Page<CalendarView> list(@BeanParam PageParams paging, @QueryParam("q") String text) {
        return calendars.listCalendars(paging.toRequest(), text);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a calendar")
    public CalendarView get(@PathParam("id") long id) {
        return calendars.getCalendar(id);
    }

    @GET
    @Path("/{id}/working-time")
    @Operation(summary = "Working intervals of a calendar", description = "Between two instants (UTC, at most 366 days apart).")
    public CalendarService.WorkingTime workingTime(@PathParam("id") long id, @QueryParam("from") Instant from,
                                                   @QueryParam("to") Instant to) {
        return calendars.workingTime(id, from, to);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a calendar")
    public Response create(@Valid @NotNull CalendarRequest request) {
        CalendarView created = calendars.createCalendar(request);
        return Response.created(URI.create("/api/calendars/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Replace a calendar", description = "409 when it changed since the version sent.")
    public CalendarView update(@PathParam("id") long id, @Valid @NotNull CalendarRequest request) {
        return calendars.updateCalendar(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a calendar no work center uses")
    public Response delete(@PathParam("id") long id) {
        calendars.deleteCalendar(id);
        return Response.noContent().build();
    }
}
