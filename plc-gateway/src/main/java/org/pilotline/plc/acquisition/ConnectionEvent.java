package org.pilotline.plc.acquisition;

/** What can happen to a {@link PlcConnection}; {@link ConnectionState} says, per state, where each event leads. */
public enum ConnectionEvent {
    /** The gateway starts the connection. */
    START,
    /** The first session is open, and the subscription with the machines' monitored items exists. */
    CONNECT_SUCCEEDED,
    /** An attempt at the first connection failed (server unreachable, certificate refused, a service call failed). */
    CONNECT_FAILED,
    /** A scheduled retry is due: of the first connection, or of re-creating the subscription. */
    RETRY,
    /** Milo reports the session active (again, once it has reconnected). */
    SESSION_ACTIVE,
    /** Milo reports the session lost (keep-alives failed, the channel closed); it reconnects on its own. */
    SESSION_INACTIVE,
    /** The subscription is gone: its transfer to a new session failed, or it timed out on the server. */
    SUBSCRIPTION_LOST,
    /** A new subscription and its monitored items exist; the time without one is recorded as data loss. */
    RECOVERED,
    /** Re-creating the subscription failed. */
    RECOVERY_FAILED,
    /** The gateway stops acquiring through this connection. */
    CLOSE
}
