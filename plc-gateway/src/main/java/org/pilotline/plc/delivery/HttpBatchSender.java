package org.pilotline.plc.delivery;

import org.pilotline.plc.contract.MachineEventBatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Posts batches to the centre's ingest endpoint ({@code POST /api/gateway/ingest}) with HTTP Basic credentials of an
 * account of the enterprise. The centre is idempotent on (machine, sequence), so a repeated post is harmless.
 */
public final class HttpBatchSender implements BatchReceiver {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI ingest;
    private final String authorization;

    public HttpBatchSender(URI ingest, String username, String password) {
        this.ingest = ingest;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void deliver(MachineEventBatch batch) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(ingest).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.MAPPER.writeValueAsBytes(batch))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the centre answered " + response.statusCode() + ": " + response.body());
        }
    }
}
