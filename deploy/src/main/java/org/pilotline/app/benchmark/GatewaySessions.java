package org.pilotline.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a replica's {@code GET /api/gateway/connections} says about its OPC UA sessions: how many are connected and how
 * many values (notifications) they have received — how the benchmarks wait until bound machines are acquired.
 */
record GatewaySessions(long connected, long notifications) {

    static GatewaySessions of(JsonNode statuses) {
        long connected = 0;
        long notifications = 0;
        for (JsonNode st : statuses) {
            if ("CONNECTED".equals(st.get("state").asText())) {
                connected++;
            }
            notifications += st.get("notifications").asLong();
        }
        return new GatewaySessions(connected, notifications);
    }
}
