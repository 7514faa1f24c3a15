package org.pilotline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Walks the live OpenAPI document ({@code /q/openapi?format=json}): every operation of {@code /api} with its path and
 * query parameters and its request body's schema ({@code $ref}s resolved), and builds plausible bodies from a schema.
 * The fuzz and tenant-sweep tests call every operation through it, so that a new endpoint is covered without a line
 * of test code.
 */
public final class OpenApiWalker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    public final JsonNode document;

    /** A parameter of an operation: its name, where it goes (path, query, header) and its resolved schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
        public String type() {
            return OpenApiWalker.type(schema);
        }
    }

    /** One operation: "POST /api/items/{id}", its parameters and its JSON request body's schema (null if none). */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode body, String mediaType) {

        public String key() {
            return method + " " + path;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        public boolean hasPathParameters() {
            return !in("path").isEmpty();
        }

        /** The path with each parameter replaced by its (already URL-encoded) value. */
        public String expand(Map<String, String> values) {
            String expanded = path;
            for (Parameter p : in("path")) {
                expanded = expanded.replace("{" + p.name() + "}", values.getOrDefault(p.name(), "987654321"));
            }
            return expanded;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private OpenApiWalker(JsonNode document) {
        this.document = document;
    }

    /** Reads the live document of the application under test. */
    public static OpenApiWalker live() {
        try {
            return new OpenApiWalker(JSON.readTree(RestAssured.given().accept("application/json")
                    .get("/q/openapi?format=json").then().statusCode(200).extract().asString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every operation under {@code /api} but server-sent-event streams, in the order of path and method. */
    public List<Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                if (op.getValue().path("responses").path("200").path("content").has("text/event-stream")) {
                    // A server-sent-event stream never ends, so it cannot be walked request by request; the machine
                    // board's stream (its only one) starts with the same tenant-scoped board as GET /api/mes/machines,
                    // which is walked, and BrowserMachineBoardTest reads it.
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode parameter = resolve(p);
                        parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                                parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
                    }
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                JsonNode body = null;
                String mediaType = null;
                if (content.isObject() && content.size() > 0) {
                    mediaType = content.fieldNames().next();
                    body = resolve(content.path(mediaType).path("schema"));
                }
                String method = op.getKey().toUpperCase(Locale.ROOT);
                operations.put(path.getKey() + " " + method, new Operation(method, path.getKey(), parameters, body, mediaType));
            }
        }
        return List.copyOf(operations.values());
    }

    /** A schema with its {@code $ref} followed and an {@code allOf} merged (the first of a oneOf/anyOf taken). */
    public JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode resolved = schema;
        for (int i = 0; i < 10 && resolved.has("$ref"); i++) {
            JsonNode target = document.at(resolved.path("$ref").asText().substring(1));
            if (resolved.size() > 1) {
                ObjectNode merged = target.deepCopy();
                resolved.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("$ref")) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                resolved = merged;
            } else {
                resolved = target;
            }
        }
        if (resolved.has("allOf")) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            for (JsonNode part : resolved.path("allOf")) {
                JsonNode p = resolve(part);
                p.fields().forEachRemaining(f -> {
                    if (f.getKey().equals("properties")) {
                        properties.setAll((ObjectNode) f.getValue());
                    } else if (f.getKey().equals("required")) {
                        required.addAll((ArrayNode) f.getValue());
                    } else {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (resolved.has(choice)) {
                for (JsonNode option : resolved.path(choice)) {
                    if (!"null".equals(option.path("type").asText())) {
                        return resolve(option);
                    }
                }
            }
        }
        return resolved;
    }

    /** The JSON type of a schema ("string", "integer", "number", "boolean", "array", "object"), never "null". */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    /** The properties of an object schema, resolved, in their document order. */
    public Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(f -> properties.put(f.getKey(), resolve(f.getValue())));
        return properties;
    }

    public static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    /**
     * A value of the schema's type that is well formed (an enum's first value, a date, a number): what a client
     * would plausibly send. {@code ids} gives the value of an id field by its name ("itemId"), when known.
     */
    public JsonNode plausible(JsonNode schema, String name, java.util.function.Function<String, Object> ids, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        Object id = name == null ? null : ids.apply(name);
        if (id != null) {
            return JSON.valueToTree(id);
        }
        String format = schema.path("format").asText("");
        switch (type(schema)) {
            case "integer":
                return f.numberNode(name != null && name.equals("version") ? 0 : 1);
            case "number":
                return f.textNode("1");
            case "boolean":
                return f.booleanNode(false);
            case "array": {
                ArrayNode array = f.arrayNode();
                if (depth < 4) {
                    array.add(plausible(resolve(schema.path("items")), singular(name), ids, depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = f.objectNode();
                if (depth < 4) {
                    properties(schema).forEach((property, s) -> object.set(property, plausible(s, property, ids, depth + 1)));
                }
                return object;
            }
            default:
                return f.textNode(switch (format) {
                    case "date" -> "2026-12-01";
                    case "date-time" -> "2026-12-01T08:00:00Z";
                    case "time", "local-time", "partial-time" -> "08:00:00";
                    case "uuid" -> "3f1e8c57-6a4c-4c1e-9b1a-2d0c6f3b7a11";
                    default -> schema.has("pattern") ? "X1" : "fuzz-" + (name == null ? "v" : name);
                });
        }
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * One record of every kind the readers can list: each GET without path parameters is called (as the first reader
     * it answers 200) and the first row's id (or username, or code) is kept under the kind's name ({@link #kind}).
     * Every row read goes to {@code rows} as well.
     */
    public Map<String, String> discover(List<Supplier<RequestSpecification>> readers,
                                        java.util.function.BiConsumer<String, JsonNode> rows) {
        Map<String, String> ids = new TreeMap<>();
        for (Operation op : operations()) {
            if (!op.method().equals("GET") || op.hasPathParameters()) {
                continue;
            }
            String kind = kind(lastSegment(op.path()));
            if (ids.containsKey(kind)) {
                continue;
            }
            for (Supplier<RequestSpecification> reader : readers) {
                Response answer = reader.get().queryParam("size", 20).get(op.path());
                if (answer.statusCode() != 200 || answer.contentType() == null
                        || !answer.contentType().startsWith("application/json")) {
                    continue;
                }
                JsonNode found;
                try {
                    found = JSON.readTree(answer.asString());
                } catch (java.io.IOException e) {
                    break;
                }
                found = found.isArray() ? found : found.path("items");
                if (found.isArray() && found.size() > 0) {
                    JsonNode row = found.get(0);
                    String id = row.hasNonNull("id") ? row.path("id").asText()
                            : row.hasNonNull("username") ? row.path("username").asText()
                            : row.hasNonNull("code") ? row.path("code").asText() : null;
                    if (id != null) {
                        ids.put(kind, id);
                        found.forEach(r -> rows.accept(op.path(), r));
                    }
                }
                break;
            }
        }
        return ids;
    }

    /** The record a path parameter names: {id} by the segment before it, {itemId} by its own name; null if unknown. */
    public static String idFor(Map<String, String> ids, String template, String parameter) {
        if (parameter.equals("id")) {
            return ids.get(kind(lastSegment(template.substring(0, template.indexOf("{id}")))));
        }
        return ids.get(kind(parameter.replaceAll("Id$", "")));
    }

    /** The id a body field or query parameter named like {@code itemId} or {@code itemIds} takes, if known. */
    public static Object idOfField(Map<String, String> ids, String field) {
        String base = field.endsWith("Id") ? field.substring(0, field.length() - 2)
                : field.endsWith("Ids") ? field.substring(0, field.length() - 3) : null;
        String id = base == null ? null : ids.get(kind(base));
        if (id == null || !id.matches("\\d{1,18}")) {
            return null;
        }
        return field.endsWith("Ids") ? List.of(Long.valueOf(id)) : Long.valueOf(id);
    }

    /** The last segment of a path that is no parameter: "/api/work-centers/{id}" → "work-centers". */
    public static String lastSegment(String path) {
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !segments[i].startsWith("{")) {
                return segments[i];
            }
        }
        return "";
    }

    /** "work-centers", "workCenter" and "WorkCenters" are the same kind: "workcenter". */
    public static String kind(String name) {
        String k = name.replace("-", "").toLowerCase(Locale.ROOT);
        if (k.endsWith("ies")) {
            return k.substring(0, k.length() - 3) + "y";
        }
        return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
    }

    /**
     * A request that sends its path as given: already URL-encoded, so that odd path values ({@code ..%2F}) arrive as
     * written.
     */
    public static RequestSpecification raw(RequestSpecification request) {
        return request.urlEncodingEnabled(false).config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    public static boolean isProblem(Response response) {
        String type = response.contentType();
        return type != null && type.startsWith("application/problem+json");
    }
}
