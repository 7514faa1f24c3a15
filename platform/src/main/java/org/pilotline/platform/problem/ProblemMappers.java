package org.pilotline.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one error path of the REST API: every failure becomes {@code application/problem+json} (RFC 9457). Known
 * failures keep their meaning (400 naming the field, 401, 403, 404, 409, 422); anything else is a 500 whose body
 * carries only an error id that is also logged, never a stack trace, class name or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response domain(DomainException e, UriInfo uri) {
        return respond(ProblemDetail.of(e.type(), e.title(), e.kind().status(), e.detail(), path(uri),
                e.fieldErrors(), e.extensions()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return unexpected(e, uri);
            }
            errors.add(new FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(ProblemDetail.of("validation", "The request has invalid fields", 400,
                errors.size() + " field(s) are invalid: " + String.join(", ", errors.stream()
                        .map(f -> f.field() + " " + f.message()).toList()),
                path(uri), errors, Map.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(ProblemDetail.of("unknown-field", "The request has a field this API does not know", 400,
                "Unknown field '" + field + "'", path(uri),
                List.of(new FieldError(field, "is not a field of this request")), Map.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String message = e instanceof InvalidFormatException ife && ife.getValue() != null
                ? "'" + ife.getValue() + "' is not a valid " + expected
                : "must be " + expected;
        if (field.isEmpty()) {
            return respond(ProblemDetail.of("malformed-json", "The request body is not the JSON this API expects", 400,
                    "The body must be " + expected, path(uri), List.of(), Map.of()));
        }
        return respond(ProblemDetail.of("invalid-field-type", "A field has the wrong type", 400,
                "Field '" + field + "' " + message, path(uri), List.of(new FieldError(field, message)), Map.of()));
    }

    @ServerExceptionMapper(priority = 2)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        JsonLocation where = e.getLocation();
        String detail = where == null ? "The body is not well-formed JSON"
                : "The body is not well-formed JSON (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        String field = e instanceof JsonMappingException jme ? jsonPath(jme) : "";
        return respond(ProblemDetail.of("malformed-json", "The request body is not well-formed JSON", 400, detail,
                path(uri), field.isEmpty() ? List.of() : List.of(new FieldError(field, "could not be read")), Map.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers, "Send your user name and password (HTTP Basic) or log in");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers, "The user name or password is wrong, or the account is disabled");
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemDetail.of("forbidden", "Your role does not allow this", 403,
                "None of your roles may use " + path(uri) + " this way", path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e instanceof NotFoundException && cause != null && !(cause instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted (?operationId=abc); that is a bad
            // request naming the parameter, not a missing resource.
            return invalidParameter(cause, uri);
        }
        if (status < 500 && e.getResponse().hasEntity() && e.getResponse().getMediaType() != null
                && ProblemDetail.MEDIA_TYPE.equals(e.getResponse().getMediaType().toString())) {
            // Modules that cannot see DomainException (plc-gateway) build their own problem body; keep it.
            return e.getResponse();
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "Request refused" : statusType.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at " + path(uri);
            case 405 -> "This method is not allowed on " + path(uri);
            case 406 -> "This resource cannot answer in the media type asked for";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        return respond(ProblemDetail.of(slug(title), title, status, detail, path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleWrite(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleWrite(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response lockConflict(LockAcquisitionException e, UriInfo uri) {
        return busy(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response pessimisticLock(PessimisticLockException e, UriInfo uri) {
        return busy(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response lockTimeout(LockTimeoutException e, UriInfo uri) {
        return busy(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response dataConflict(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // The services check uniqueness and references first and say which field; this is the safety net for a race.
        return respond(ProblemDetail.of("conflict", "The change conflicts with existing data", 409,
                "Another change made this one invalid (a duplicate or a missing reference); reload and try again",
                path(uri), List.of(), Map.of()));
    }

    /** Transactions wrap what went wrong at commit; look through the wrappers for a failure we know. */
    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain(domain, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return staleWrite(uri);
            }
            if (cause instanceof LockAcquisitionException || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException) {
                return busy(uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException cv) {
                return dataConflict(cv, uri);
            }
            if (cause instanceof ConstraintViolationException cv) {
                return constraintViolation(cv, uri);
            }
            // SQLState class 08: the connection failed (Connector/J's CommunicationsException is neither of the two
            // java.sql connection exceptions; bin/cluster-check met it wrapped by the MES's own lookups)
            if (isConnectionFailure(cause, 15)) {
                return databaseUnavailable(e, uri);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return poolExhausted(uri);
            }
            if (cause instanceof java.sql.SQLException sql && unstorableText(sql)) {
                return respond(ProblemDetail.of("unsupported-characters", "Text the database cannot hold", 400,
                        "The request holds characters (such as emoji) that the tables behind this operation cannot store"
                                + " or compare; nothing was changed", path(uri), List.of(), Map.of()));
            }
        }
        if (lostAtCommit(e, 0)) {
            LOG.warnf("Database connection lost while committing on %s: %s", path(uri), e.getMessage());
            return Response.status(503).type(ProblemDetail.MEDIA_TYPE).header("Retry-After", "1")
                    .entity(ProblemDetail.of("database-unavailable", "The database is not reachable", 503,
                            "The connection to the database broke while this change was being committed, so whether"
                                    + " it was saved is not known; send it again with the same request id (it is applied"
                                    + " once) or check before repeating it", path(uri), List.of(), Map.of()))
                    .build();
        }
        if (connectionBroke(e)) {
            // The client went away while its body was being read (a reset, a closed channel): nobody will read the
            // answer, nothing was applied, and it is no failure of the server.
            LOG.debugf("The connection broke while the request to %s was read: %s", path(uri), e.getMessage());
            return respond(ProblemDetail.of("incomplete-request", "The request did not arrive whole", 400,
                    "The connection broke while the request was being received; nothing of it was applied",
                    path(uri), List.of(), Map.of()));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return respond(ProblemDetail.of("internal-error", "Internal error", 500,
                "The server could not complete the request; quote error id " + errorId + " when reporting it",
                path(uri), List.of(), Map.of("errorId", errorId)));
    }

    /**
     * MariaDB refused a text for its character set: "Incorrect string value" (1366) on a write, "Illegal mix of
     * collations" (1267, 1270, 1271) on a comparison — the process engine's own tables are utf8mb3, which holds no
     * character outside the Basic Multilingual Plane (emoji).
     */
    private static boolean unstorableText(java.sql.SQLException sql) {
        String message = sql.getMessage();
        return java.util.Set.of(1366, 1267, 1270, 1271).contains(sql.getErrorCode())
                || message.contains("Incorrect string value") || message.contains("Illegal mix of collations");
    }

    /** An I/O failure caused by the connection to the client closing or being reset. */
    private static boolean connectionBroke(Throwable e) {
        if (!(e instanceof java.io.IOException)) {
            return false;
        }
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof java.nio.channels.ClosedChannelException || cause instanceof java.net.SocketException
                    || cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private Response invalidParameter(Throwable conversion, UriInfo uri) {
        String problem = conversion.getMessage() == null ? "" : conversion.getMessage();
        String name = null;
        String value = null;
        for (Map.Entry<String, List<String>> parameter : parameters(uri)) {
            for (String candidate : parameter.getValue()) {
                boolean longer = value == null || candidate.length() > value.length();
                if (candidate != null && !candidate.isEmpty() && problem.contains(candidate) && longer) {
                    name = parameter.getKey();
                    value = candidate;
                }
            }
        }
        String expected = conversion instanceof NumberFormatException ? "a number"
                : conversion instanceof java.time.format.DateTimeParseException ? "an ISO-8601 date or date-time"
                : problem.startsWith("No enum constant") ? "one of the documented values"
                : problem.startsWith("Invalid UUID") ? "a UUID" : "a valid value";
        if (name == null) {
            return respond(ProblemDetail.of("invalid-parameter", "A parameter of the URL is not valid", 400,
                    "A path or query parameter could not be read; each must be of its documented type",
                    path(uri), List.of(), Map.of()));
        }
        String message = "'" + value + "' is not " + expected;
        return respond(ProblemDetail.of("invalid-parameter", "A parameter of the URL is not valid", 400,
                "Parameter '" + name + "': " + message, path(uri), List.of(new FieldError(name, message)), Map.of()));
    }

    private static List<Map.Entry<String, List<String>>> parameters(UriInfo uri) {
        List<Map.Entry<String, List<String>>> all = new ArrayList<>();
        if (uri != null) {
            all.addAll(uri.getQueryParameters().entrySet());
            all.addAll(uri.getPathParameters().entrySet());
        }
        return all;
    }

    @ServerExceptionMapper(priority = 1)
    public Response serverBusy(ServerBusyException e, UriInfo uri) {
        LOG.warnf("Not admitted in time on %s: %s", path(uri), e.getMessage());
        return busyResponse(uri, e.getMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response connectionLost(JDBCConnectionException e, UriInfo uri) {
        return databaseUnavailable(e, uri);
    }

    /**
     * The connection to the database broke (a restart, a failover, a killed session): nothing of the request was
     * committed, since its transaction died with the connection, and the same request may be sent again.
     */
    /**
     * Whether a lost database connection is among the exceptions suppressed under the failure: Narayana reports a
     * commit whose connection broke as a {@code RollbackException} with the resource's {@code XAException} (caused by
     * Connector/J's {@code CommunicationsException}) suppressed, not as its cause (CrashRecoveryIT met it).
     */
    static boolean lostAtCommit(Throwable e, int depth) {
        if (e == null || depth > 8) {
            return false;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (isConnectionFailure(suppressed, 0) || lostAtCommit(suppressed, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && lostAtCommit(e.getCause(), depth + 1);
    }

    private static boolean isConnectionFailure(Throwable e, int depth) {
        for (Throwable cause = e; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof JDBCConnectionException || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08") || statementOfALostConnection(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Connector/J closes every statement of a connection that broke, and a statement used after that fails with SQLState
     * S1009 "No operations allowed after statement closed" and no cause: a statement in the middle of a request whose
     * database server was killed (TerminalCrashIT met it; Hibernate never reuses a statement it closed itself).
     */
    private static boolean statementOfALostConnection(java.sql.SQLException e) {
        return "S1009".equals(e.getSQLState()) && e.getMessage() != null
                && e.getMessage().startsWith("No operations allowed after statement closed");
    }

    private Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database connection lost on %s: %s", path(uri), e.getMessage());
        return Response.status(503).type(ProblemDetail.MEDIA_TYPE).header("Retry-After", "1")
                .entity(ProblemDetail.of("database-unavailable", "The database is not reachable", 503,
                        "The connection to the database was lost and nothing of this request was saved; send it again",
                        path(uri), List.of(), Map.of()))
                .build();
    }

    /** Every database connection of the pool stayed in use for the acquisition timeout (Agroal's message): overload. */
    private Response poolExhausted(UriInfo uri) {
        LOG.warnf("No database connection free within the acquisition timeout on %s", path(uri));
        return busyResponse(uri, "Every database connection stayed in use; nothing of this request was saved, send it"
                + " again");
    }

    private Response busyResponse(UriInfo uri, String detail) {
        return Response.status(503).type(ProblemDetail.MEDIA_TYPE).header("Retry-After", "1")
                .entity(ProblemDetail.of("server-busy", "The server is busy", 503, detail, path(uri), List.of(),
                        Map.of()))
                .build();
    }

    private Response staleWrite(UriInfo uri) {
        return respond(ProblemDetail.of("stale-version", "The record was changed by someone else", 409,
                "Another change to the same record was saved first; reload and apply your change again",
                path(uri), List.of(), Map.of()));
    }

    private Response busy(UriInfo uri) {
        return respond(ProblemDetail.of("concurrent-update", "The record is being changed by someone else", 409,
                "Another change held the same records; try again", path(uri), List.of(), Map.of()));
    }

    private Response unauthenticated(UriInfo uri, HttpHeaders headers, String detail) {
        Response.ResponseBuilder builder = Response.status(401).type(ProblemDetail.MEDIA_TYPE)
                .entity(ProblemDetail.of("unauthenticated", "Authentication required", 401, detail, path(uri),
                        List.of(), Map.of()));
        // A browser script asks for no challenge so that the browser does not open its own login dialog.
        if (!"XMLHttpRequest".equals(headers.getHeaderString("X-Requested-With"))) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"PilotLine\", charset=\"UTF-8\"");
        }
        return builder.build();
    }

    static Response respond(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * "create.request.lines[2].quantity" → "lines[2].quantity": the method and parameter nodes are dropped, unless the
     * parameter itself is what is invalid (a missing body, a query parameter out of range). Hibernate Validator puts a
     * container index on the node that follows the container, hence the index is written before that node's name.
     */
    static String fieldPath(Path path) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() && parameter != null ? parameter : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).toList());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date (2026-01-31)" : "date-time");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
