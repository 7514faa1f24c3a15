-- The out-of-service intervals of work units that start in a period: "tenant_id = ? and work_unit_id in (...) and
-- started_at >= ? and started_at < ? and state = 'OUT_OF_SERVICE'" (kpi's failure recount, when the bureau compares
-- enterprises over whole days). By (tenant, work unit, started_at) every interval of the period was read to keep the
-- out-of-service ones (a machine has tens of intervals a day); with the state before the time only those are.
create index ix_mes_machine_interval_state on mes_machine_interval (tenant_id, work_unit_id, state, started_at);
