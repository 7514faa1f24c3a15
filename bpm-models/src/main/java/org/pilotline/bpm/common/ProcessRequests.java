package org.pilotline.bpm.common;

import jakarta.persistence.EntityManager;

import java.util.Optional;

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
