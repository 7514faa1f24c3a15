package org.pilotline.mes.inspection;

/**
 * Fired inside the transaction that raises a non-conformance record (from an out-of-limits inspection result, a scrap
 * report above the enterprise's threshold, or by hand), so that a higher module — the non-conformance process of
 * bpm-models — can start its disposition in the same transaction: the record and its process commit together.
 */
public record NonConformanceRaised(long id, String number, NonConformance.Source source, String tenantId) {
}
