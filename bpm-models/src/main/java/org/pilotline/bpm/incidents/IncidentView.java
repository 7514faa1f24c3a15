package org.pilotline.bpm.incidents;

import java.time.Instant;

/**
 * A process step that failed and exhausted its retries. {@code cause}: the business refusal that made it fail (the
 * problem's detail), or a sentence saying it was unexpected (the stack trace is in the server log, never here);
 * {@code retryable}: a failed job, which {@code POST …/retry} sets going again.
 */
public record IncidentView(String id, String type, String processInstanceId, String processDefinitionKey,
                           int processDefinitionVersion, String businessKey, String activityId, String cause,
                           Instant occurredAt, boolean retryable) {
}
