package org.pilotline.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Blocking JSON calls for setting a benchmark's plant up through the REST API, as one user (HTTP Basic) or terminal. */
final class BenchmarkRest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    private BenchmarkRest(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static BenchmarkRest as(String base, String username, String password) {
        return new BenchmarkRest(base, "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static BenchmarkRest terminal(String base, String token) {
        return new BenchmarkRest(base, "Bearer " + token);
    }

    JsonNode get(String path) {
        return call("GET", path, null, 200);
    }

    JsonNode post(String path, Object body, int expected) {
        return call("POST", path, body, expected);
    }

    JsonNode put(String path, Object body, int expected) {
        return call("PUT", path, body, expected);
    }

    private JsonNode call(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(120));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", expected "
                        + expected + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
