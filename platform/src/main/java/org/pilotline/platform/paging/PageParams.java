package org.pilotline.platform.paging;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters every list accepts. They arrive as text so that a bad value is a 400 naming the
 * parameter rather than the 404 that JAX-RS gives for a query parameter it cannot convert.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "Page number from 0", example = "0")
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50")
    String size;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated fields; '-' in front sorts descending", example = "code,-name")
    String sort;

    public PageRequest toRequest() {
        return PageRequest.of(integer("page", page), integer("size", size), sort);
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-paging", "Invalid paging",
                    new FieldError(name, "'" + value + "' is not a whole number"));
        }
    }
}
