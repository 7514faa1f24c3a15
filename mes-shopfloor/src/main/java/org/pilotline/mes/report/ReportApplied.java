package org.pilotline.mes.report;

import java.time.Instant;
import java.util.Set;

/**
 * One applied report, as {@link ReportsApplied} carries it (fired inside the transaction that applied it, never for a
 * refused or replayed one), so that an observer — the KPI roll-ups — can note in that same transaction what the report
 * touched. It carries what the report touched, so that the observer needs no statement to find out.
 *
 * @param operationId the operation an operation report was about (null for a downtime report)
 * @param downtimeId  the mes_downtime row a downtime report wrote (null for an operation report)
 * @param workUnitIds the work units the report touched: a downtime's work unit, or every work unit the operations of
 *                    the report's work order are placed on, as the report left them
 * @param touchedFrom from when they are touched: the downtime's start, or the report's time
 */
public record ReportApplied(String tenant, long reportId, ReportKind kind, Long operationId, Long downtimeId,
                            Instant occurredAt, Set<Long> workUnitIds, Instant touchedFrom) {
}
