package org.pilotline.bpm.nonconformance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A non-conformance as its process holds it. {@code status}: {@code AWAITING_DISPOSITION}, {@code AWAITING_CONCESSION}
 * (use as is, waiting for a manager), {@code ROOT_CAUSE_ANALYSIS}, {@code CORRECTIVE_ACTION}, {@code CLOSED};
 * {@code taskId} and {@code taskDue} are the step waiting now.
 */
public record NonConformanceProcessView(String id, long nonConformanceId, String number, String source, String status,
                                        long itemId, BigDecimal quantity, Long workOrderId, Long operationId,
                                        String description, String raisedBy, String disposition,
                                        Boolean concessionApproved, Long stockMoveId, Long reworkOperationId,
                                        String rootCause, String correctiveAction, Instant actionDue,
                                        String actionOutcome, String taskId, Instant taskDue,
                                        int processDefinitionVersion, Instant raisedAt, Instant endedAt) {
}
