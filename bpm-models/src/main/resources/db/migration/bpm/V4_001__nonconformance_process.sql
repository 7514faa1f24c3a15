-- The non-conformance process (bpm-models).
--
-- Its "rework" disposition adds an operation to the work order for the quantity a non-conformance holds; the operation
-- says which record it reworks, and the MES keeps such operations beside the routing's sequence. The column is the
-- MES's, added here with the process that needs it (bpm's V4 prefix) so that it cannot collide with mes-shopfloor's
-- own V3 migrations being written in parallel.
alter table mes_operation
    add column rework_of_nonconformance_id bigint null,
    add constraint fk_mes_operation_rework foreign key (rework_of_nonconformance_id) references mes_nonconformance (id);

-- A request that starts a process, by the client's request id, so that a request sent twice starts one process.
create table bpm_process_request (
    id                  bigint       not null auto_increment primary key,
    tenant_id           varchar(32)  not null,
    process_key         varchar(64)  not null,
    request_id          varchar(64)  not null,
    process_instance_id varchar(64)  not null,
    requested_at        datetime(6)  not null,
    requested_by        varchar(64)  not null,
    constraint uk_bpm_process_request unique (tenant_id, process_key, request_id),
    constraint fk_bpm_process_request_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
