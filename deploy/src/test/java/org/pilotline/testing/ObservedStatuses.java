package org.pilotline.testing;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Records, while the tests run, every status a resource method answered, keyed as the OpenAPI document names the
 * operation ({@code POST /api/items/{id}}), with one request path that produced it. It lives in the tests only:
 * {@code OpenApiMatchesObservedStatusesTest} compares it with the document after every other test class ran.
 * Responses given before a resource method was matched (an unknown path, a wrong method) belong to no operation and
 * are not recorded.
 */
public class ObservedStatuses {

    /** A path parameter with a regular expression ({@code {id: \d+}}) is written plainly in the document. */
    private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*:[^}]*}");

    private static final Map<String, String> OBSERVED = new ConcurrentHashMap<>();
    private static final Map<String, String> CREATED_WITHOUT_LOCATION = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        String operation = request.getMethod() + " " + template(resource.getResourceClass(), resource.getResourceMethod());
        String example = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath();
        OBSERVED.putIfAbsent(operation + " " + response.getStatus(), example);
        if ((response.getStatus() == 201 || response.getStatus() == 202)
                && response.getHeaders().getFirst(HttpHeaders.LOCATION) == null) {
            CREATED_WITHOUT_LOCATION.putIfAbsent(operation + " " + response.getStatus(), example);
        }
    }

    /** Every (operation, status) observed so far: "POST /api/items 201" → an example request that answered it. */
    public static Map<String, String> observed() {
        return new TreeMap<>(OBSERVED);
    }

    /** The operations that answered 201 or 202 without a Location header, each with an example request. */
    public static Map<String, String> createdWithoutLocation() {
        return new TreeMap<>(CREATED_WITHOUT_LOCATION);
    }

    /** The path template of a resource method as OpenAPI writes it: class and method {@code @Path} joined. */
    public static String template(Class<?> resourceClass, Method method) {
        String classPath = pathOf(resourceClass.getAnnotation(Path.class));
        String methodPath = pathOf(method.getAnnotation(Path.class));
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return PARAMETER_REGEX.matcher(joined).replaceAll("{$1}");
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }
}
