-- The machine directory (BindingDirectory.workUnitsOf) answers "which work unit is each of these machines?" for every
-- delivered batch: select machine_code, work_unit_id ... where tenant_id = ? and work_unit_id is not null and
-- machine_code in (...). Through the unique key alone each machine costs a read of its whole binding row (endpoint,
-- node paths, credentials: the widest row of the gateway); with this index the answer comes from the index alone, a
-- few small pages for thousands of machines. Its columns are written only when a binding is created or rebound, not
-- by the frequent updates of a binding (last contact, sequence blocks).
create index ix_plc_machine_binding_unit on plc_machine_binding (tenant_id, machine_code, work_unit_id);
