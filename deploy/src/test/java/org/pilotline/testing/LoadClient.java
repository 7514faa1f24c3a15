package org.pilotline.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A light HTTP client for load from many threads in tests: one shared connection pool instead of REST Assured's
 * client per request, so that the server, not the test harness, is what is being exercised.
 */
public final class LoadClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    /** An answer: status and body. */
    public record Reply(int status, String body) {
    }

    public LoadClient(String username, String password) {
        this("Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private LoadClient(String authorization) {
        this.base = RestAssured.baseURI + ":" + RestAssured.port;
        this.authorization = authorization;
    }

    /** A client that authenticates with a bearer token (a shop-floor terminal's). */
    public static LoadClient bearer(String token) {
        return new LoadClient("Bearer " + token);
    }

    /** POSTs a JSON body and returns the status code. */
    public int post(String path, Map<String, Object> body) {
        try {
            return send(path, JSON.writeValueAsString(body), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body as it is and returns status and body. */
    public Reply post(String path, String json) {
        HttpResponse<String> response = send(path, json, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private <T> HttpResponse<T> send(String path, String json, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return client.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
