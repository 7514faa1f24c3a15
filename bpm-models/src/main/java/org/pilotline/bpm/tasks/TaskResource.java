package org.pilotline.bpm.tasks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    public record Delegation(@Size(max = 100) String to) {
    }

    @Inject
    TaskWork work;

    @Inject
    ProcessDiagrams diagrams;

    @GET
    @Path("/tasks")
    @Operation(summary = "My tasks",
            description = "User tasks of my enterprise assigned to me or offered to one of my roles. scope=mine|groups|all"
                    + " (default all; groups: unclaimed tasks offered to my roles), dueBefore=<instant>, overdue=true"
                    + " (due date passed). 400 naming a bad parameter.")
    public List<TaskWork.TaskView> myTasks(@QueryParam("scope") String scope, @QueryParam("dueBefore") String dueBefore,
                                           @QueryParam("overdue") String overdue) {
        return work.myTasks(scope, dueBefore, overdue);
    }

    @GET
    @Path("/tasks/{id}")
    @Operation(summary = "One of my tasks, with its form", description = "404 for a task not offered to me.")
    public TaskWork.TaskView task(@PathParam("id") String id) {
        return work.task(id);
    }

    @POST
    @Path("/tasks/{id}/claim")
    @Operation(summary = "Claim a task", description = "409 task-claimed if someone else claimed it first.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`task-claimed`: someone else claimed it first")
    public TaskWork.TaskView claim(@PathParam("id") String id) {
        return work.claim(id);
    }

    @POST
    @Path("/tasks/{id}/unclaim")
    @Operation(summary = "Give a claimed task back to its groups",
            description = "Its assignee gives it back (unassigned, offered to its groups again); the enterprise's"
                    + " administrator may take it back from anyone. 404 for a task another user holds (it is not"
                    + " offered to me); 409 task-not-assigned for a task nobody holds, task-delegated while a delegate"
                    + " holds it.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`task-not-assigned` or `task-delegated`")
    public TaskWork.TaskView unclaim(@PathParam("id") String id) {
        return work.unclaim(id);
    }

    @POST
    @Path("/tasks/{id}/delegate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delegate a task I hold to another user of my enterprise",
            description = "{\"to\": username}. The delegate completes it, which hands it back to me resolved."
                    + " 409 task-not-assigned unless I claimed it; 400 naming 'to' for a user not of my enterprise.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`task-not-assigned`: claim the task before delegating it")
    public TaskWork.TaskView delegate(@PathParam("id") String id, @Valid Delegation delegation) {
        return work.delegate(id, delegation == null ? null : delegation.to());
    }

    @POST
    @Path("/tasks/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a task",
            description = "variables: the task's form fields (required ones, of their type; 400 naming variables.<field>"
                    + " otherwise). A task without a form takes plain values. A delegate's completion resolves the task"
                    + " back to its owner.")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`task-claimed`: someone else holds the task")
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

    @GET
    @Path("/processes/{id}/diagram")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "A process instance's diagram: the BPMN XML of the version it runs, its active and completed"
            + " steps",
            description = "bpmn: the BPMN 2.0 XML (with its diagram) of the exact process definition version the"
                    + " instance runs, the shared template or my enterprise's own (source TEMPLATE or ENTERPRISE);"
                    + " activeActivityIds: the BPMN element ids active now; completedActivityIds: those that ended"
                    + " normally, from the history. 404 for an instance not of my enterprise.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: no such process instance in my enterprise")
    public ProcessDiagrams.ProcessDiagramView diagram(@PathParam("id") String id) {
        return diagrams.diagram(id);
    }
}
