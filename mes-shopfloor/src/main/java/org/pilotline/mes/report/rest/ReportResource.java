package org.pilotline.mes.report.rest;

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
import org.pilotline.mes.report.ReportOutcome;
import org.pilotline.mes.report.ReportRequest;
import org.pilotline.mes.report.Reporters;
import org.pilotline.mes.report.ReportGroups;
import org.pilotline.platform.security.Roles;

@Path("/api/mes/reports")
@Tag(name = "Shop-floor reports", description = "Start, pause, quantities, finish and downtime from terminals and operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.TERMINAL})
public class ReportResource {

    @Inject
    ReportGroups groups;

    @Inject
    Reporters reporters;

    @POST
    @Operation(summary = "Send a report", description = "Applied exactly once per clientId: a report sent again (after a"
            + " lost answer, from an offline queue) gets the first answer with replayed=true, or the same problem if it was"
            + " refused. Terminals authenticate with 'Authorization: Bearer <token>' and must number their reports"
            + " (sequence). Quantities move stock in the same transaction: components are backflushed from the work"
            + " center's staging location, the last operation's good quantity is received as the work order's lot.")
    @APIResponse(responseCode = "200", description = "Applied (or a replay of an applied report)")
    @APIResponse(responseCode = "400", description = "Malformed report, unknown or unfit reason, a client id reserved for"
            + " machine counts (machine:…, field clientId) (problem+json naming the field)")
    @APIResponse(responseCode = "403", description = "wrong-terminal: the operation runs at another work center")
    @APIResponse(responseCode = "404", description = "No such operation in this enterprise")
    @APIResponse(responseCode = "409", description = "operation-state (with actualState), work-order-closed, insufficient-stock,"
            + " nonconformance-open, operator-not-signed-in, sequence-reused, already-annotated (the machine stop has a"
            + " reason already), serial-exists (a serial number given for the finished pieces exists)")
    @APIResponse(responseCode = "422", description = "over-delivery, more-than-arrived, no-staging-location, no-receipt-location,"
            + " not-a-stop (the machine interval annotated is no stop of a work unit: it is EXECUTING, or its machine is bound to"
            + " no work unit), counted-by-machine (good pieces at a work center whose machines count them, field good)")
    public ReportOutcome report(@Valid @NotNull ReportRequest request) {
        return groups.report(request, reporters.current());
    }
}
