package org.pilotline.plc.acquisition;

/**
 * How the gateway talks to every PLC.
 *
 * @param keepAliveIntervalMs session keep-alive period; a dead server is detected within three of them
 * @param requestTimeoutMs    timeout of ordinary service calls
 * @param sessionTimeoutMs    the session timeout asked of the server (it keeps subscriptions this long for a transfer)
 * @param queueSize           monitored-item queue size on the server, so that bursts between publishes are kept
 * @param maxReconnectDelayMs cap of the exponential back-off between first-connection attempts
 */
public record ConnectionSettings(long keepAliveIntervalMs, long requestTimeoutMs, long sessionTimeoutMs, int queueSize,
                                 long maxReconnectDelayMs) {

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(5_000, 10_000, 120_000, 100, 30_000);
    }

    public ConnectionSettings withKeepAlive(long intervalMs) {
        return new ConnectionSettings(intervalMs, requestTimeoutMs, sessionTimeoutMs, queueSize, maxReconnectDelayMs);
    }

    public ConnectionSettings withMaxReconnectDelay(long delayMs) {
        return new ConnectionSettings(keepAliveIntervalMs, requestTimeoutMs, sessionTimeoutMs, queueSize, delayMs);
    }
}
