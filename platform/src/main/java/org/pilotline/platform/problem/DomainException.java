package org.pilotline.platform.problem;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refused request, typed so that one mapper can render it as RFC 9457 problem details.
 * {@code type} is a stable slug ("bom-cycle", "stale-version") that clients may switch on; {@code title}
 * is a short human summary; {@code detail} names this occurrence; {@code fieldErrors} list offending fields.
 */
public class DomainException extends RuntimeException {

    private final ProblemKind kind;
    private final String type;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extensions;

    public DomainException(ProblemKind kind, String type, String title, String detail,
                           List<FieldError> fieldErrors, Map<String, Object> extensions) {
        super(detail == null ? title : detail, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.type = Objects.requireNonNull(type);
        this.title = Objects.requireNonNull(title);
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public DomainException(ProblemKind kind, String type, String title, String detail) {
        this(kind, type, title, detail, List.of(), Map.of());
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemKind.NOT_FOUND, "not-found", what + " not found",
                what + " '" + id + "' does not exist", List.of(), Map.of());
    }

    public static DomainException invalid(String type, String title, FieldError... fields) {
        return new DomainException(ProblemKind.BAD_REQUEST, type, title,
                fields.length == 0 ? title : fields[0].message(), List.of(fields), Map.of());
    }

    public static DomainException unprocessable(String type, String title, String detail, FieldError... fields) {
        return new DomainException(ProblemKind.UNPROCESSABLE, type, title, detail, List.of(fields), Map.of());
    }

    public static DomainException conflict(String type, String title, String detail, FieldError... fields) {
        return new DomainException(ProblemKind.CONFLICT, type, title, detail, List.of(fields), Map.of());
    }

    /** The client sent the version it read, and the row has moved on since. */
    public static DomainException staleVersion(String what, Object id, long sent, long current) {
        return new DomainException(ProblemKind.CONFLICT, "stale-version", what + " was changed by someone else",
                what + " '" + id + "' is at version " + current + ", the request was based on version " + sent
                        + "; reload and apply the change again",
                List.of(new FieldError("version", "expected " + current)), Map.of("currentVersion", current));
    }

    public ProblemKind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
