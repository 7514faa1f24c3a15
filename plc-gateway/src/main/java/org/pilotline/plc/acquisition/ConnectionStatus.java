package org.pilotline.plc.acquisition;

import java.time.Instant;
import java.util.List;

/** What one OPC UA connection of the gateway is doing, for operators. */
public record ConnectionStatus(String endpoint, State state, Instant since, String lastError, List<String> machines,
                               long notifications, long dataLossEvents) {

    public enum State { CONNECTING, CONNECTED, DISCONNECTED, CLOSED }
}
