-- MRP: forecasts (demand), firmed planned orders (supply kept between runs), runs and their results.

create table mrp_forecast (
    id        bigint        not null auto_increment primary key,
    tenant_id varchar(32)   not null,
    item_id   bigint        not null,
    week      date          not null,
    quantity  decimal(20,6) not null,
    version   bigint        not null,
    constraint uk_mrp_forecast unique (tenant_id, item_id, week),
    constraint fk_mrp_forecast_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mrp_forecast_item foreign key (item_id) references item (id),
    constraint ck_mrp_forecast_quantity check (quantity >= 0)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A planned order the planner firmed: every later run keeps it (status FIRM) until it is converted.
create table mrp_firmed_order (
    id               bigint        not null auto_increment primary key,
    tenant_id        varchar(32)   not null,
    reference        varchar(32)   not null,
    item_id          bigint        not null,
    quantity         decimal(20,6) not null,
    release_date     date          not null,
    due_date         date          not null,
    formula          varchar(32)   null,
    status           varchar(16)   not null,
    converted_to     varchar(32)   null,
    version          bigint        not null,
    constraint uk_mrp_firmed_order unique (tenant_id, reference),
    constraint fk_mrp_firmed_order_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mrp_firmed_order_item foreign key (item_id) references item (id),
    index ix_mrp_firmed_order_status (tenant_id, status)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One MRP run: its state and progress live here so that any replica can answer for it.
create table mrp_run (
    id              bigint        not null auto_increment primary key,
    tenant_id       varchar(32)   not null,
    status          varchar(16)   not null,
    phase           varchar(16)   not null,
    items_planned   int           not null,
    items_total     int           not null,
    requested_by    varchar(64)   not null,
    requested_at    datetime(6)   not null,
    started_at      datetime(6)   null,
    finished_at     datetime(6)   null,
    horizon_start   date          null,
    parameters      varchar(1000) not null,
    items           int           null,
    bom_lines       int           null,
    demand_lines    int           null,
    planned_orders  bigint        null,
    pegs            bigint        null,
    exceptions      bigint        null,
    net_changes     int           not null default 0,
    actions         int           not null default 0,
    error           varchar(2000) null,
    constraint fk_mrp_run_tenant foreign key (tenant_id) references enterprise (code),
    index ix_mrp_run_tenant (tenant_id, id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The run whose results are the enterprise's plan; switched only after a run is completely written.
create table mrp_current_run (
    tenant_id varchar(32) not null primary key,
    run_id    bigint      not null,
    constraint fk_mrp_current_run_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mrp_current_run_run foreign key (run_id) references mrp_run (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The exact input of a run (compressed), and the sales order lines net changes applied to it since: pegging trees
-- are recomputed from it on a replica that does not hold the plan in memory (pegs are not stored row by row).
create table mrp_run_input (
    run_id   bigint     not null,
    part     int        not null,
    data     longblob   not null,
    primary key (run_id, part),
    constraint fk_mrp_run_input_run foreign key (run_id) references mrp_run (id) on delete cascade
) engine = InnoDB;

create table mrp_run_amendment (
    run_id    bigint        not null,
    seq       int           not null,
    reference varchar(64)   not null,
    item_code varchar(64)   null,
    due_date  date          null,
    quantity  decimal(20,6) null,
    primary key (run_id, seq),
    constraint fk_mrp_run_amendment_run foreign key (run_id) references mrp_run (id) on delete cascade
) engine = InnoDB;

-- Planned orders of a run: (run, item, number) names one. Written in bulk (2.5 million rows for the target plant),
-- hence the clustered key only: a secondary index on the due date cost 6.5 of 15 s of writing (docs/benchmarks/mrp.md).
-- tenant_id is checked through the run.
create table mrp_planned_order (
    run_id        bigint        not null,
    item_id       bigint        not null,
    number        int           not null,
    order_type    char(1)       not null,
    quantity      decimal(20,6) not null,
    release_date  date          not null,
    due_date      date          not null,
    formula       varchar(32)   null,
    routing       varchar(32)   null,
    exception_mask int          not null,
    status        char(1)       not null,
    converted_to  varchar(32)   null,
    primary key (run_id, item_id, number)
) engine = InnoDB;

create table mrp_exception (
    run_id         bigint        not null,
    item_id        bigint        not null,
    seq            int           not null,
    kind           varchar(24)   not null,
    day            date          not null,
    suggested_date date          null,
    quantity       decimal(20,6) null,
    reference      varchar(64)   null,
    primary key (run_id, item_id, seq),
    index ix_mrp_exception_kind (run_id, kind)
) engine = InnoDB;
