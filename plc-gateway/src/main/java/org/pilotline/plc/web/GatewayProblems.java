package org.pilotline.plc.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem responses for the gateway's own 403/404/409/422 cases. plc-gateway cannot see erp-core's
 * DomainException; the application's mapper passes a WebApplicationException with a problem+json entity through.
 */
public final class GatewayProblems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://pilotline.org/problems/";

    public record FieldProblem(String field, String message) {
    }

    private GatewayProblems() {
    }

    public static WebApplicationException problem(int status, String slug, String title, String detail,
                                                  List<FieldProblem> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return new WebApplicationException(Response.status(status).type(MEDIA_TYPE).entity(body).build());
    }

    public static WebApplicationException notFound(String what, Object id) {
        return problem(404, "not-found", "Not found", "There is no " + what + " " + id, List.of());
    }

    public static WebApplicationException enterpriseRequired() {
        return problem(403, "enterprise-required", "This request needs an enterprise",
                "Only a user of a pilot enterprise (or an expert who has chosen one of the enterprises assigned to"
                        + " them) can work with enterprise data", List.of());
    }
}
