-- Machine-state history from the PLC gateway's events: per work unit the intervals of MachineryItemState and operation
-- mode (OPC 40001-1), part counts and the spans in which the gateway could not observe the machine. They are written
-- in the gateway's ingest transaction, which advances its per-machine watermark: a batch delivered again is stored
-- once. The unique keys on (machine, sequence) hold that even if two writers raced.

-- ended_at is null for the interval the machine is in now. operation_id: the operation running on the work unit when
-- the interval began.
create table mes_machine_interval (
    id              bigint       not null auto_increment primary key,
    tenant_id       varchar(32)  not null,
    work_unit_id    bigint       null,
    machine_code    varchar(64)  not null,
    state           varchar(16)  not null,
    operation_mode  varchar(16)  null,
    started_at      datetime(6)  not null,
    ended_at        datetime(6)  null,
    start_sequence  bigint       not null,
    operation_id    bigint       null,
    constraint uk_mes_machine_interval_start unique (tenant_id, machine_code, start_sequence),
    constraint fk_mes_machine_interval_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_machine_interval_unit foreign key (work_unit_id) references work_unit (id),
    constraint fk_mes_machine_interval_op foreign key (operation_id) references mes_operation (id),
    index ix_mes_machine_interval_unit (tenant_id, work_unit_id, started_at),
    index ix_mes_machine_interval_machine (tenant_id, machine_code, started_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table mes_part_count (
    id            bigint      not null auto_increment primary key,
    tenant_id     varchar(32) not null,
    work_unit_id  bigint      null,
    machine_code  varchar(64) not null,
    sequence_no   bigint      not null,
    total         bigint      not null,
    good          bigint      not null,
    reject        bigint      not null,
    counted_at    datetime(6) not null,
    operation_id  bigint      null,
    constraint uk_mes_part_count unique (tenant_id, machine_code, sequence_no),
    constraint fk_mes_part_count_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_part_count_op foreign key (operation_id) references mes_operation (id),
    index ix_mes_part_count_unit (tenant_id, work_unit_id, counted_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table mes_data_loss (
    id            bigint       not null auto_increment primary key,
    tenant_id     varchar(32)  not null,
    work_unit_id  bigint       null,
    machine_code  varchar(64)  not null,
    sequence_no   bigint       not null,
    from_at       datetime(6)  not null,
    to_at         datetime(6)  not null,
    reason        varchar(200) null,
    constraint uk_mes_data_loss unique (tenant_id, machine_code, sequence_no),
    constraint fk_mes_data_loss_tenant foreign key (tenant_id) references enterprise (code),
    index ix_mes_data_loss_unit (tenant_id, work_unit_id, from_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

alter table mes_downtime add constraint fk_mes_downtime_interval foreign key (machine_interval_id) references mes_machine_interval (id);
