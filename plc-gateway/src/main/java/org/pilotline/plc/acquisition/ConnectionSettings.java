package org.pilotline.plc.acquisition;

/**
 * How the gateway talks to every PLC.
 *
 * @param keepAliveIntervalMs session keep-alive period; a dead server is detected within three of them
 * @param requestTimeoutMs    timeout of ordinary service calls
 * @param sessionTimeoutMs    the session timeout asked of the server (it keeps subscriptions this long for a transfer)
 * @param queueSize           monitored-item queue size on the server, so that bursts between publishes are kept
 * @param maxReconnectDelayMs cap of the exponential back-off between first-connection attempts
 * @param connectConcurrency  most connections being established (connect, subscribe, create the monitored items) at once; the others
 *                            wait, so that starting with hundreds of PLCs does not swamp them or this process
 */
public record ConnectionSettings(long keepAliveIntervalMs, long requestTimeoutMs, long sessionTimeoutMs, int queueSize,
                                 long maxReconnectDelayMs, int connectConcurrency) {

    public static final int DEFAULT_CONNECT_CONCURRENCY = 8;

    public ConnectionSettings(long keepAliveIntervalMs, long requestTimeoutMs, long sessionTimeoutMs, int queueSize,
                              long maxReconnectDelayMs) {
        this(keepAliveIntervalMs, requestTimeoutMs, sessionTimeoutMs, queueSize, maxReconnectDelayMs,
                DEFAULT_CONNECT_CONCURRENCY);
    }

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(5_000, 10_000, 120_000, 100, 30_000);
    }

    public ConnectionSettings withKeepAlive(long intervalMs) {
        return new ConnectionSettings(intervalMs, requestTimeoutMs, sessionTimeoutMs, queueSize, maxReconnectDelayMs,
                connectConcurrency);
    }

    public ConnectionSettings withMaxReconnectDelay(long delayMs) {
        return new ConnectionSettings(keepAliveIntervalMs, requestTimeoutMs, sessionTimeoutMs, queueSize, delayMs,
                connectConcurrency);
    }

    public ConnectionSettings withConnectConcurrency(int concurrency) {
        return new ConnectionSettings(keepAliveIntervalMs, requestTimeoutMs, sessionTimeoutMs, queueSize,
                maxReconnectDelayMs, concurrency);
    }
}
