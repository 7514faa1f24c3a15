package org.pilotline.platform.persistence;

import org.pilotline.platform.problem.DomainException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.exception.LockAcquisitionException;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a unit of work in a transaction of its own and, when the database chose it as a deadlock victim (or it waited
 * too long for a lock), runs it again after a short random pause. Work that keeps failing is refused with 409.
 */
public final class Retry {

    static final int ATTEMPTS = 8;
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

    private Retry() {
    }

    public static <T> T inNewTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (!isLockConflict(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw DomainException.conflict("concurrent-update", "The records are being changed by others",
                            "Other changes kept holding the same records; try again");
                }
                pause(attempt);
            }
        }
    }

    /**
     * Whether the failure, or anything it was caused by or suppressed, is a deadlock or lock wait timeout. A conflict
     * found only at commit — a Galera certification failure, reported as a deadlock (1213) by the commit itself — reaches
     * us as Narayana's {@code RollbackException} with the resource's {@code XAException} among its suppressed exceptions,
     * not as its cause.
     */
    public static boolean isLockConflict(Throwable e) {
        return isLockConflict(e, 0);
    }

    private static boolean isLockConflict(Throwable e, int depth) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (depth < 4) {
                for (Throwable suppressed : cause.getSuppressed()) {
                    if (isLockConflict(suppressed, depth + 1)) {
                        return true;
                    }
                }
            }
            if (cause instanceof LockAcquisitionException || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == MYSQL_DEADLOCK
                    || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A short random pause before the attempt after {@code attempt}, longer the more attempts failed. */
    public static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
