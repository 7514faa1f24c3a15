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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    private static final String SHIFTS = "Shifts are plant-local (timeZone, default the enterprise's). weekday is"
            + " numbered as in ISO 8601: 1 = Monday ... 7 = Sunday, and is the day the shift starts on; a shift whose end is"
            + " at or before its start runs into the next day (22:00-06:00 on weekday 5 ends on Saturday at 06:00;"
            + " 00:00-00:00 is 24 hours). A shift worked on several days names them once as weekdays ([1, 2, 3, 4, 5])"
            + " instead of weekday, and is read back as one shift per day. Breaks lie inside their shift and are not working time; shifts must not overlap"
            + " (400 naming shifts[i] or shifts[i].breaks[j]). Holidays are whole plant days without work. The calendar is"
            + " replaced whole on update.";

    private static final String EXAMPLE = """
            {"code": "2SHIFT", "name": "Two shifts, Monday to Friday", "timeZone": "Asia/Shanghai",
             "shifts": [
               {"weekdays": [1, 2, 3, 4, 5], "name": "Early", "start": "06:00", "end": "14:00", "breaks": [{"start": "10:00", "end": "10:30"}]},
               {"weekdays": [1, 2, 3, 4, 5], "name": "Late", "start": "14:00", "end": "22:00", "breaks": [{"start": "18:00", "end": "18:30"}]},
               {"weekday": 5, "name": "Night", "start": "22:00", "end": "06:00", "breaks": []}],
             "holidays": [{"day": "2026-10-01", "name": "National Day"}]}""";

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
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response create(
            @RequestBody(description = SHIFTS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarRequest.class),
                    examples = @ExampleObject(name = "two shifts", value = EXAMPLE)))
            @Valid @NotNull CalendarRequest request) {
        CalendarView created = calendars.createCalendar(request);
        return Response.created(URI.create("/api/calendars/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Replace a calendar", description = "409 when it changed since the version sent.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public CalendarView update(@PathParam("id") long id,
            @RequestBody(description = SHIFTS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarRequest.class),
                    examples = @ExampleObject(name = "two shifts", value = EXAMPLE)))
            @Valid @NotNull CalendarRequest request) {
        return calendars.updateCalendar(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a calendar no work center uses")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`calendar-in-use`: a work center or another record uses the calendar")
    public Response delete(@PathParam("id") long id) {
        calendars.deleteCalendar(id);
        return Response.noContent().build();
    }
}
