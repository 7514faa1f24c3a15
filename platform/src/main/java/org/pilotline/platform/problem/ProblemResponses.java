package org.pilotline.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes into the OpenAPI document what {@link ProblemMappers} does for every endpoint of {@code /api}, so that each
 * operation lists the refusals it can really answer and every error is typed {@code application/problem+json} with
 * the one {@code Problem} schema:
 * <ul>
 *     <li>401 {@code unauthenticated} and 403 {@code forbidden} / {@code enterprise-required} everywhere (every
 *     endpoint needs a login, most a role: Quarkus denies an unannotated one);</li>
 *     <li>400 where the request has a body or parameters (malformed JSON, a wrong type, an unknown or invalid field, a
 *     parameter that is not of its type);</li>
 *     <li>404 {@code not-found} where the path names a record;</li>
 *     <li>409 {@code stale-version} / {@code concurrent-update} / {@code conflict} on every write: Hibernate's version
 *     check, lock timeouts and the database's constraints stand behind every change, whatever the service checked;</li>
 *     <li>503 {@code database-unavailable} / {@code server-busy} with {@code Retry-After} everywhere.</li>
 * </ul>
 * A response an operation declares itself ({@code @APIResponse}) keeps its description, followed by the general one;
 * statuses particular to an operation (201, 202, 204, its own 404, 409 and 422 types) are declared on the resource
 * method. A 500 is a bug and is not documented.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** The descriptions Quarkus gives the responses it adds on its own; ours say more. */
    private static final Set<String> GENERATED = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    private static final Map<String, String> GENERIC = new LinkedHashMap<>();

    static {
        GENERIC.put("400", "The request is not valid; `errors` names each field or parameter. Types: `validation`"
                + " (a field or parameter breaks its constraint), `malformed-json`, `invalid-field-type`, `unknown-field`,"
                + " `invalid-parameter` (a path or query parameter is not of its type), `unknown-reference` (the body"
                + " names a record that does not exist, or another enterprise's), `unsupported-characters` (text, such as emoji, that"
                + " the tables behind the operation cannot store or compare: the process engine's)");
        GENERIC.put("401", "`unauthenticated`: no credentials, or wrong ones (HTTP Basic or the login cookie)");
        GENERIC.put("403", "`forbidden`: none of the caller's roles may do this; `enterprise-required`: the request acts"
                + " on an enterprise's records and the caller acts for none (an expert names one in `PilotLine-Enterprise`)");
        GENERIC.put("404", "`not-found`: no such record — also for another enterprise's, which is indistinguishable"
                + " from a missing one");
        GENERIC.put("409", "A concurrent change interfered and nothing was changed: `stale-version` (the record was"
                + " saved by someone else in between; reload and apply again), `concurrent-update` (another change held the"
                + " same records; try again), `conflict` (a duplicate or a missing reference created at the same moment)");
        GENERIC.put("503", "`database-unavailable` (the connection to the database was lost) or `server-busy` (no"
                + " connection freed up in time): nothing of the request was saved; send it again after `Retry-After`"
                + " seconds");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                if (path.getKey().startsWith("/api/")) {
                    addGenericRefusals(path.getKey(), path.getValue(), operation.getKey(), operation.getValue());
                }
                typeErrorResponses(operation.getValue());
            }
        }
    }

    private static void addGenericRefusals(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = !parameters(item, operation).isEmpty();
        boolean namesARecord = parameters(item, operation).stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;

        add(responses, "401");
        add(responses, "403");
        if (hasBody || hasParameters) {
            add(responses, "400");
        }
        if (namesARecord) {
            add(responses, "404");
        }
        if (writes) {
            add(responses, "409");
        }
        add(responses, "503");
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before sending the request again")
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        responses.getAPIResponse("401").addHeader("WWW-Authenticate", OASFactory.createHeader()
                .description("The HTTP Basic challenge; not sent when the request has X-Requested-With: XMLHttpRequest")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        APIResponse created = responses.getAPIResponse("201");
        if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeader("Location", location());
        }
        APIResponse accepted = responses.getAPIResponse("202");
        if (accepted != null && (accepted.getHeaders() == null || !accepted.getHeaders().containsKey("Location"))) {
            accepted.addHeader("Location", location().description("Where the progress of the accepted work is read"));
        }
    }

    private static Header location() {
        return OASFactory.createHeader().description("The URL of what was created")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference"));
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static void add(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(GENERIC.get(status)));
        } else if (existing.getDescription() == null || existing.getDescription().isBlank()
                || GENERATED.contains(existing.getDescription())) {
            existing.setDescription(GENERIC.get(status));
        } else if (!existing.getDescription().contains(GENERIC.get(status))) {
            existing.setDescription(existing.getDescription() + ". As everywhere: " + GENERIC.get(status));
        }
    }

    /** Every 4xx and 5xx answer is a problem document, whoever declared the response. */
    private static void typeErrorResponses(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            String status = response.getKey();
            if (status.startsWith("4") || status.startsWith("5")) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        }
    }

    private static void addSchemas(Components components) {
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One offending field or parameter of a refused request")
                .addProperty("field", string("The JSON path of the field as the client sent it (lines[2].quantity), or"
                        + " the name of the parameter").example("lines[2].quantity"))
                .addProperty("message", string("What is wrong with it").example("must be greater than 0"))
                .addRequired("field").addRequired("message"));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemDetail.TYPE_BASE + "validation");
        example.put("title", "The request has invalid fields");
        example.put("status", 400);
        example.put("detail", "1 field(s) are invalid: code must not be blank");
        example.put("instance", "/api/sites");
        example.put("errors", List.of(Map.of("field", "code", "message", "must not be blank")));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details, the body of every error (application/problem+json). Clients"
                        + " switch on `type`, whose slug is stable; besides the members listed, a refusal may carry"
                        + " further members of its own, named in the operation's description.")
                .addProperty("type", string("https://pilotline.org/problems/<slug>: what kind of refusal")
                        .format("uri").example(ProblemDetail.TYPE_BASE + "not-found"))
                .addProperty("title", string("A short human summary of the type"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("The HTTP status").example(404))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The path of the request").example("/api/items/42"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("The offending fields or parameters (absent when none is to blame)")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .addProperty("errorId", string("500 only: the id under which the failure was logged; quote it"))
                .addProperty("currentVersion", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("stale-version from a version check: the record's version now"))
                .addProperty("replayed", OASFactory.createSchema().addType(SchemaType.BOOLEAN)
                        .description("Shop-floor reports: true when this is the stored refusal of a report sent again"))
                .addProperty("actualState", string("operation-state: the state the operation is in"))
                .addProperty("itemCode", string("insufficient-stock on the shop floor: the component short"))
                .addProperty("location", string("insufficient-stock on the shop floor: the staging location"))
                .addProperty("available", OASFactory.createSchema().addType(SchemaType.NUMBER)
                        .description("insufficient-stock on the shop floor: what is there, in the stock unit"))
                .addProperty("required", OASFactory.createSchema().addType(SchemaType.NUMBER)
                        .description("insufficient-stock on the shop floor: what the report needs, in the stock unit"))
                .addProperty("nonConformance", string("nonconformance-open: the number of the record that holds the"
                        + " quantity"))
                .addProperty("operationWorkCenterId", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("wrong-terminal: the work center the operation runs at"))
                .addProperty("solveId", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("solve-running: the solve in progress"))
                .addProperty("problems", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("no-eligible-machine / unschedulable: each order and operation that cannot be"
                                + " scheduled; import-invalid: each bad row (sheet, row, column, reason)")
                        .items(OASFactory.createSchema().addType(SchemaType.OBJECT)))
                .addProperty("sheets", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("import-invalid: what each sheet of the workbook held")
                        .items(OASFactory.createSchema().addType(SchemaType.OBJECT)))
                .addRequired("type").addRequired("title").addRequired("status")
                .example(example));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
