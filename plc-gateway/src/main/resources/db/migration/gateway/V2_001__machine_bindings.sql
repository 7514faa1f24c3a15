-- plc-gateway owns versions 2.x. Machine bindings: how each machine's OPC UA nodes are read.
create table plc_machine_binding (
    id                     bigint        not null auto_increment primary key,
    tenant_id              varchar(32)   not null,
    machine_code           varchar(64)   not null,
    work_unit_id           bigint        null,
    endpoint_url           varchar(500)  not null,
    security_policy        varchar(32)   not null,
    security_mode          varchar(16)   not null,
    identity_kind          varchar(16)   not null,
    username               varchar(100)  null,
    password               varchar(200)  null,
    identity_key_store     varchar(500)  null,
    state_mapping          varchar(24)   not null,
    item_state_node        varchar(500)  null,
    operation_mode_node    varchar(500)  null,
    running_node           varchar(500)  null,
    fault_node             varchar(500)  null,
    packml_state_node      varchar(500)  null,
    total_count_node       varchar(500)  null,
    good_count_node        varchar(500)  null,
    reject_count_node      varchar(500)  null,
    counter_modulus        bigint        null,
    speed_node             varchar(500)  null,
    alarm_node             varchar(500)  null,
    sampling_interval_ms   double        not null,
    publishing_interval_ms double        not null,
    -- hi/lo sequence numbers: the last block of sequence numbers handed to a gateway for this machine
    sequence_block         bigint        not null default 0,
    version                bigint        not null,
    constraint uk_plc_machine_binding_code unique (tenant_id, machine_code),
    constraint fk_plc_machine_binding_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The centre's idempotency record: the highest sequence number accepted per machine. Events at or below it are
-- repeats of a delivery that already succeeded and are dropped.
create table plc_ingest_watermark (
    tenant_id     varchar(32) not null,
    machine_code  varchar(64) not null,
    last_sequence bigint      not null,
    primary key (tenant_id, machine_code),
    constraint fk_plc_ingest_watermark_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
