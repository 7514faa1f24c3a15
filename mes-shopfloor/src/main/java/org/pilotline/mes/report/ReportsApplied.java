package org.pilotline.mes.report;

import java.util.List;

/**
 * Fired synchronously inside the transaction of applied reports, once per transaction: once for a report applied
 * alone, once for a whole group ({@link ReportGroups}) with every report of it that was applied (never a refused or
 * replayed one). An observer — the KPI roll-ups — notes in that same transaction what the reports touched, with one
 * statement for all of them.
 */
public record ReportsApplied(String tenant, List<ReportApplied> reports) {
}
