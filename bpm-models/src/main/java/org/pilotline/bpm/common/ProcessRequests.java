package org.pilotline.bpm.common;

import jakarta.persistence.EntityManager;
import org.pilotline.platform.persistence.Retry;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client request ids of process starts ({@code bpm_process_request}): a start sent twice with the same
 * {@code requestId} finds the instance the first one started, and a concurrent duplicate is recognised by the unique
 * key it violates.
 */
public final class ProcessRequests {

    private ProcessRequests() {
    }

    /** The process instance an earlier start with this request id began, if any. */
    public static Optional<String> requested(EntityManager em, String enterprise, String processKey, String requestId) {
        return em.createNativeQuery("select process_instance_id from bpm_process_request where tenant_id = ?1"
                        + " and process_key = ?2 and request_id = ?3").setParameter(1, enterprise)
                .setParameter(2, processKey).setParameter(3, requestId).getResultStream()
                .findFirst().map(Object::toString);
    }

    /** The instance a start keyed by a request id answers with; {@code replayed}: an earlier start's. */
    public record Started(String processInstanceId, boolean replayed) {
    }

    /**
     * Starts a process once per request id: in a transaction of its own (a deadlock victim is retried),
     * {@code start} begins the instance and returns its id, and the request id is recorded with it; when another
     * start with the same request id won a race, its instance is the answer and this one's work is rolled back.
     */
    public static Started startOnce(EntityManager em, String enterprise, String processKey, String requestId,
                                    String requestedBy, Supplier<String> start) {
        try {
            String id = Retry.inNewTransaction(() -> {
                String instanceId = start.get();
                em.createNativeQuery("insert into bpm_process_request (tenant_id, process_key, request_id,"
                                + " process_instance_id, requested_at, requested_by) values (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, enterprise).setParameter(2, processKey).setParameter(3, requestId)
                        .setParameter(4, instanceId).setParameter(5, Instant.now()).setParameter(6, requestedBy)
                        .executeUpdate();
                return instanceId;
            });
            return new Started(id, false);
        } catch (RuntimeException e) {
            if (isDuplicateRequest(e)) {
                return requested(em, enterprise, processKey, requestId).map(id -> new Started(id, true))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Whether the failure was another start with the same request id winning the race. */
    public static boolean isDuplicateRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException cv
                    && cv.getConstraintName() != null && cv.getConstraintName().contains("uk_bpm_process_request")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
