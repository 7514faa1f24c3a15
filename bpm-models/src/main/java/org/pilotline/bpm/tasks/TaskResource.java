package org.pilotline.bpm.tasks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.security.Roles;

import java.util.List;
import java.util.Map;

@Path("/api")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER})
public class TaskResource {

    public record Completion(Map<String, Object> variables) {
    }

    @Inject
    TaskWork work;

    @GET
    @Path("/tasks")
    @Operation(summary = "My tasks", description = "User tasks of my enterprise assigned to me or offered to one of my roles.")
    public List<TaskWork.TaskView> myTasks() {
        return work.myTasks();
    }

    @POST
    @Path("/tasks/{id}/claim")
    @Operation(summary = "Claim a task", description = "409 if someone else claimed it first.")
    public TaskWork.TaskView claim(@PathParam("id") String id) {
        return work.claim(id);
    }

    @POST
    @Path("/tasks/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a task", description = "Variables are plain values (string, number, boolean).")
    public Response complete(@PathParam("id") String id, Completion completion) {
        work.complete(id, completion == null ? Map.of() : completion.variables());
        return Response.noContent().build();
    }

    @GET
    @Path("/processes/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "A process instance and the steps it went through")
    public TaskWork.ProcessView process(@PathParam("id") String id) {
        return work.process(id);
    }
}
