package org.pilotline.mes.report;

import java.time.Instant;

/**
 * Fired synchronously inside the transaction of a report that was applied (never for a refused or replayed one), so
 * that an observer — the KPI roll-ups — can note in that same transaction what the report touched.
 *
 * @param operationId the operation an operation report was about (null for a downtime report)
 * @param downtimeId  the mes_downtime row a downtime report wrote (null for an operation report)
 */
public record ReportApplied(String tenant, long reportId, ReportKind kind, Long operationId, Long downtimeId,
                            Instant occurredAt) {
}
