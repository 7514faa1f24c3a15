-- kpi's order phases of the operations on a unit in a period ("join mes_report r on r.tenant_id = o.tenant_id and
-- r.operation_id = o.id ... and r.kind in ('SETUP_START', 'SETUP_END', 'START', 'PAUSE', 'RESUME', 'FINISH')"): with
-- the kind in the index the server reads the rows of the phase reports only, not also every QUANTITY report of the
-- operations (most of a busy hour's reports), which the hour's roll-up otherwise fetched and discarded at each batch.
-- It replaces the index by operation and time, which served that read alone.
alter table mes_report
    drop index ix_mes_report_operation,
    add index ix_mes_report_operation_kind (tenant_id, operation_id, kind, occurred_at);
