package org.pilotline.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pilotline.platform.problem.FieldError;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body. {@code type} is an absolute URI under {@link #TYPE_BASE}; {@code errors}
 * lists offending fields; further members (extensions) are written at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record ProblemDetail(String type, String title, int status, String detail, String instance,
                            List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String TYPE_BASE = "https://pilotline.org/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemDetail of(String slug, String title, int status, String detail, String instance,
                                   List<FieldError> errors, Map<String, Object> extensions) {
        return new ProblemDetail(TYPE_BASE + slug, title, status, detail, instance,
                errors == null ? List.of() : errors, extensions == null ? Map.of() : extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
