package org.pilotline.bpm.engineeringchange;

import org.pilotline.erp.revision.RevisionChangeService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An engineering change as its process holds it. {@code status}: {@code PENDING_APPROVAL} (waiting for the production
 * manager and engineering, in parallel), {@code APPLIED} (the new revision is in place), {@code REJECTED}.
 * {@code impact} is what the change touches, computed when it was requested; {@code waitingFor} the approvals still
 * open.
 */
public record EngineeringChangeView(String id, String number, String status, String kind, long itemId,
                                    String itemCode, String revision, LocalDate effectiveDate, String reason,
                                    boolean switchOpenOrders, String requestedBy,
                                    RevisionChangeService.Impact impact, Boolean productionApproved,
                                    Boolean engineeringApproved, List<String> waitingFor, String rejectedBy,
                                    String rejectionComment, Long revisionId, String closedRevision,
                                    LocalDate closedValidTo, List<String> switchedOrders,
                                    int processDefinitionVersion, Instant requestedAt, Instant endedAt) {
}
