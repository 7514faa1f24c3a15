-- Finite-capacity scheduling: production schedules (one live schedule per enterprise and what-if copies), their
-- orders and operation assignments, and solve runs whose state lives here so that any replica can read and cancel them.

alter table production_order add column priority int not null default 1;

create table production_schedule (
    id                 bigint       not null auto_increment primary key,
    tenant_id          varchar(32)  not null,
    kind               varchar(16)  not null,
    -- 1 for the live schedule, null for what-if copies: at most one live schedule per enterprise
    live_marker        boolean      null,
    name               varchar(200) not null,
    source_schedule_id bigint       null,
    horizon_start      datetime(6)  null,
    objective          varchar(32)  null,
    makespan_minutes   bigint       null,
    weighted_tardiness bigint       null,
    late_orders        int          null,
    last_solve_id      bigint       null,
    created_at         datetime(6)  not null,
    changed_at         datetime(6)  not null,
    version            bigint       not null,
    constraint uk_production_schedule_live unique (tenant_id, live_marker),
    constraint fk_production_schedule_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_production_schedule_source foreign key (source_schedule_id) references production_schedule (id)
        on delete set null,
    index ix_production_schedule_kind (tenant_id, kind)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table schedule_order (
    id                  bigint      not null auto_increment primary key,
    tenant_id           varchar(32) not null,
    schedule_id         bigint      not null,
    production_order_id bigint      not null,
    order_number        varchar(32) not null,
    release_at          datetime(6) not null,
    due_at              datetime(6) not null,
    weight              bigint      not null,
    completion_at       datetime(6) null,
    tardiness_minutes   bigint      not null,
    constraint uk_schedule_order unique (schedule_id, production_order_id),
    constraint fk_schedule_order_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_schedule_order_schedule foreign key (schedule_id) references production_schedule (id) on delete cascade,
    constraint fk_schedule_order_order foreign key (production_order_id) references production_order (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- No foreign keys to routing operations and work units: a schedule is a plan made from the master data of its solve,
-- and must not stop anyone from revising a routing or retiring a machine.
create table schedule_operation (
    id                   bigint       not null auto_increment primary key,
    tenant_id            varchar(32)  not null,
    schedule_id          bigint       not null,
    production_order_id  bigint       not null,
    routing_operation_id bigint       not null,
    operation_no         int          not null,
    operation_name       varchar(200) not null,
    routing_position     int          not null,
    work_center_id       bigint       not null,
    work_center_code     varchar(32)  not null,
    work_unit_id         bigint       not null,
    work_unit_code       varchar(32)  not null,
    start_at             datetime(6)  not null,
    end_at               datetime(6)  not null,
    setup_minutes        bigint       not null,
    processing_minutes   bigint       not null,
    pinned               boolean      not null,
    transfer_batch       bigint       null,
    transfer_lot         bigint       null,
    constraint uk_schedule_operation unique (schedule_id, production_order_id, operation_no),
    constraint fk_schedule_operation_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_schedule_operation_schedule foreign key (schedule_id) references production_schedule (id)
        on delete cascade,
    constraint fk_schedule_operation_order foreign key (production_order_id) references production_order (id),
    index ix_schedule_operation_machine (schedule_id, work_unit_id, start_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table schedule_solve (
    id                 bigint        not null auto_increment primary key,
    tenant_id          varchar(32)   not null,
    schedule_id        bigint        not null,
    status             varchar(16)   not null,
    objective          varchar(32)   not null,
    time_limit_seconds int           not null,
    seed               bigint        not null,
    operation_count    int           not null,
    order_count        int           not null,
    solver_status      varchar(24)   null,
    improvements       int           not null,
    objective_value    bigint        null,
    objective_bound    bigint        null,
    found_by           varchar(32)   null,
    makespan_minutes   bigint        null,
    weighted_tardiness bigint        null,
    elapsed_ms         bigint        not null,
    cancel_requested   boolean       not null,
    worker             varchar(100)  null,
    heartbeat_at       datetime(6)   not null,
    requested_by       varchar(100)  null,
    requested_at       datetime(6)   not null,
    started_at         datetime(6)   null,
    finished_at        datetime(6)   null,
    message            varchar(1000) null,
    constraint fk_schedule_solve_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_schedule_solve_schedule foreign key (schedule_id) references production_schedule (id) on delete cascade,
    index ix_schedule_solve_schedule (tenant_id, schedule_id, status)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
