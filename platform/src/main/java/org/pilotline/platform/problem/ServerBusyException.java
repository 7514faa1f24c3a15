package org.pilotline.platform.problem;

/**
 * The request waited for its turn (a bounded kind of work, such as applying terminal reports) longer than it may and was
 * not started: nothing of it was saved. Answered 503 {@code server-busy} with {@code Retry-After}, as an exhausted
 * connection pool is.
 */
public class ServerBusyException extends RuntimeException {

    public ServerBusyException(String detail) {
        super(detail, null, false, false);
    }
}
