-- The machine history's link to the operation running when a row began (mes_machine_interval.operation_id,
-- mes_part_count.operation_id, written by the MES's MachineHistoryRecorder in the gateway's ingest transaction) keeps
-- its column and its index but loses its foreign key. A foreign key check takes a shared lock on the operation's row
-- and, on a Galera cluster, puts the operation's key into the delivery's write-set; terminal reports update that same
-- row (quantities, state) many times a minute. When those reports run through another replica on another database
-- node, every such update applied on the gateway's node aborted a delivery holding the lock (brute-force abort, error
-- 1213), and the delivery kept failing while the machine's operation was being reported (docs/benchmarks/cluster.md,
-- run 6). The recorder reads the operation's id from mes_operation of the same enterprise in the same transaction, and
-- operations are never deleted, so the constraint checked nothing the code does not already guarantee.
-- (A deploy migration because the version range of this change was deploy's; the tables are the MES's.)
alter table mes_machine_interval drop foreign key fk_mes_machine_interval_op;
alter table mes_part_count drop foreign key fk_mes_part_count_op;
