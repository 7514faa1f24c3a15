-- Indexes by time for the readers that ask "what happened on this work unit between two instants" — kpi's raw pieces
-- (TimeModelService: the bureau's sub-hour edges, a drill-down, an hour roll-up). Without them a ten-minute piece
-- visited every operation the unit ever ran and every report of those operations (mes_operation by work unit,
-- mes_report by operation), so it cost nearly as much as a month.
--
-- Applied QUANTITY and FINISH reports in [from, to): "r.tenant_id = ? and r.occurred_at >= ? and r.occurred_at < ?".
create index ix_mes_report_time on mes_report (tenant_id, occurred_at);

-- Operations on a unit that ran in [from, to): "o.tenant_id = ? and o.work_unit_id = ? and (o.actual_end is null or
-- o.actual_end > ?) and o.actual_start < ?" (a range of actual_end, actual_start checked in the index), and operations
-- that ended in [from, to) (a bounded range of actual_end).
create index ix_mes_operation_unit_end on mes_operation (tenant_id, work_unit_id, actual_end, actual_start);

-- Work orders running in [from, to): "w.tenant_id = ? and w.completed_at > ? and w.started_at < ?", and the open ones
-- ("completed_at is null").
create index ix_mes_work_order_time on mes_work_order (tenant_id, completed_at, started_at);
