-- The machine-history writer closes a machine's open interval with
-- "update mes_machine_interval set ended_at = ? where tenant_id = ? and machine_code = ? and ended_at is null and
-- start_sequence < ?", and the machine board reads the open intervals: with (tenant, machine, ended_at) the open
-- interval is found (and locked) by the index alone instead of every interval the machine ever had.
create index ix_mes_machine_interval_open on mes_machine_interval (tenant_id, machine_code, ended_at);
