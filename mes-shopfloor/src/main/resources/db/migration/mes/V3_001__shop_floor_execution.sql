-- Shop-floor execution: work orders and their operations, terminals and operators, the reports they send (each
-- applied once), reason trees, genealogy, in-process inspection and non-conformances. Times are UTC; quantities are
-- in the produced item's stock unit unless a column says otherwise.

-- Per enterprise: how much more than ordered a work order may yield, and when scrap raises a non-conformance.
create table mes_enterprise_settings (
    id                       bigint        not null auto_increment primary key,
    tenant_id                varchar(32)   not null,
    over_delivery_tolerance  decimal(9,6)  not null,
    scrap_ncr_threshold      decimal(9,6)  null,
    version                  bigint        not null,
    constraint uk_mes_enterprise_settings unique (tenant_id),
    constraint fk_mes_enterprise_settings_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Per work center: where its components are staged, where its output is received, and who counts the pieces.
create table mes_work_center_settings (
    id                   bigint      not null auto_increment primary key,
    tenant_id            varchar(32) not null,
    work_center_id       bigint      not null,
    staging_location_id  bigint      null,
    receipt_location_id  bigint      null,
    counting_source      varchar(16) not null,
    version              bigint      not null,
    constraint uk_mes_wc_settings unique (work_center_id),
    constraint fk_mes_wc_settings_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_wc_settings_wc foreign key (work_center_id) references work_center (id),
    constraint fk_mes_wc_settings_staging foreign key (staging_location_id) references location (id),
    constraint fk_mes_wc_settings_receipt foreign key (receipt_location_id) references location (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table mes_work_order (
    id                   bigint        not null auto_increment primary key,
    tenant_id            varchar(32)   not null,
    production_order_id  bigint        not null,
    number               varchar(32)   not null,
    item_id              bigint        not null,
    quantity             decimal(20,6) not null,
    good_quantity        decimal(20,6) not null,
    scrap_quantity       decimal(20,6) not null,
    state                varchar(16)   not null,
    due_date             date          not null,
    released_at          datetime(6)   not null,
    released_by          varchar(64)   not null,
    started_at           datetime(6)   null,
    completed_at         datetime(6)   null,
    closed_at            datetime(6)   null,
    version              bigint        not null,
    constraint uk_mes_work_order_po unique (production_order_id),
    constraint uk_mes_work_order_number unique (tenant_id, number),
    constraint fk_mes_work_order_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_work_order_po foreign key (production_order_id) references production_order (id),
    constraint fk_mes_work_order_item foreign key (item_id) references item (id),
    index ix_mes_work_order_state (tenant_id, state)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table mes_operation (
    id                     bigint        not null auto_increment primary key,
    tenant_id              varchar(32)   not null,
    work_order_id          bigint        not null,
    operation_no           int           not null,
    name                   varchar(200)  not null,
    work_center_id         bigint        not null,
    work_unit_id           bigint        null,
    setup_minutes          decimal(20,6) not null,
    run_minutes_per_unit   decimal(20,6) not null,
    transfer_quantity      decimal(20,6) null,
    planned_start          datetime(6)   null,
    planned_end            datetime(6)   null,
    state                  varchar(16)   not null,
    paused_from            varchar(16)   null,
    pause_reason           varchar(32)   null,
    good_quantity          decimal(20,6) not null,
    scrap_quantity         decimal(20,6) not null,
    rework_quantity        decimal(20,6) not null,
    actual_start           datetime(6)   null,
    actual_end             datetime(6)   null,
    last_report_at         datetime(6)   null,
    version                bigint        not null,
    constraint uk_mes_operation unique (work_order_id, operation_no),
    constraint fk_mes_operation_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_operation_wo foreign key (work_order_id) references mes_work_order (id),
    constraint fk_mes_operation_wc foreign key (work_center_id) references work_center (id),
    constraint fk_mes_operation_wu foreign key (work_unit_id) references work_unit (id),
    index ix_mes_operation_dispatch (tenant_id, work_center_id, state, planned_start),
    index ix_mes_operation_unit (tenant_id, work_unit_id, state)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The work centers an operation may also run on (the routing's alternatives), with their own times.
create table mes_operation_alternative (
    id                    bigint        not null auto_increment primary key,
    tenant_id             varchar(32)   not null,
    operation_id          bigint        not null,
    work_center_id        bigint        not null,
    setup_minutes         decimal(20,6) not null,
    run_minutes_per_unit  decimal(20,6) not null,
    constraint uk_mes_operation_alternative unique (operation_id, work_center_id),
    constraint fk_mes_op_alt_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_op_alt_op foreign key (operation_id) references mes_operation (id) on delete cascade,
    constraint fk_mes_op_alt_wc foreign key (work_center_id) references work_center (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A registered shop-floor device bound to one work center. Only the SHA-256 of its token is kept; a revoked terminal's
-- token no longer authenticates. last_sequence is the highest report sequence number it has sent; operator_* is who is
-- signed in at it now (the history is mes_terminal_session).
create table mes_terminal (
    id               bigint       not null auto_increment primary key,
    tenant_id        varchar(32)  not null,
    code             varchar(32)  not null,
    name             varchar(100) not null,
    work_center_id   bigint       not null,
    token_hash       char(64)     not null,
    token_hint       varchar(8)   not null,
    registered_at    datetime(6)  not null,
    registered_by    varchar(64)  not null,
    revoked_at       datetime(6)  null,
    last_sequence    bigint       not null,
    last_seen_at     datetime(6)  null,
    operator_user_id bigint       null,
    operator_name    varchar(64)  null,
    version          bigint       not null,
    constraint uk_mes_terminal_code unique (tenant_id, code),
    constraint uk_mes_terminal_token unique (token_hash),
    constraint fk_mes_terminal_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_terminal_wc foreign key (work_center_id) references work_center (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- An operator's badge and PIN (bcrypt) for signing in at terminals.
create table mes_operator_badge (
    id            bigint       not null auto_increment primary key,
    tenant_id     varchar(32)  not null,
    user_id       bigint       not null,
    badge_number  varchar(32)  not null,
    pin_hash      varchar(100) not null,
    version       bigint       not null,
    constraint uk_mes_badge_user unique (user_id),
    constraint uk_mes_badge_number unique (tenant_id, badge_number),
    constraint fk_mes_badge_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_badge_user foreign key (user_id) references app_user (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Who is signed in at a terminal; at most one open session per terminal.
create table mes_terminal_session (
    id            bigint       not null auto_increment primary key,
    tenant_id     varchar(32)  not null,
    terminal_id   bigint       not null,
    user_id       bigint       not null,
    username      varchar(64)  not null,
    signed_in_at  datetime(6)  not null,
    signed_out_at datetime(6)  null,
    open_key      bigint       null,
    constraint uk_mes_terminal_session_open unique (open_key),
    constraint fk_mes_session_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_session_terminal foreign key (terminal_id) references mes_terminal (id),
    constraint fk_mes_session_user foreign key (user_id) references app_user (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The enterprise's reasons for downtime, pauses and scrap: a tree of categories and reasons, named in both languages.
create table mes_reason (
    id          bigint       not null auto_increment primary key,
    tenant_id   varchar(32)  not null,
    parent_id   bigint       null,
    code        varchar(32)  not null,
    purpose     varchar(16)  not null,
    planned     boolean      not null,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    active      boolean      not null,
    version     bigint       not null,
    constraint uk_mes_reason_code unique (tenant_id, code),
    constraint fk_mes_reason_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_reason_parent foreign key (parent_id) references mes_reason (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Every report a terminal or an operator sent, keyed by the client's id so that a report delivered again is applied
-- once and answered with the first outcome. A refused report is kept too, with its problem, so a replay gets the same
-- answer. Terminal reports also carry the terminal's sequence number, unique per terminal.
create table mes_report (
    id              bigint        not null auto_increment primary key,
    tenant_id       varchar(32)   not null,
    client_id       varchar(64)   not null,
    terminal_id     bigint        null,
    sequence_no     bigint        null,
    username        varchar(64)   null,
    kind            varchar(16)   not null,
    operation_id    bigint        null,
    work_unit_id    bigint        null,
    good_quantity   decimal(20,6) null,
    scrap_quantity  decimal(20,6) null,
    rework_quantity decimal(20,6) null,
    reason_code     varchar(32)   null,
    occurred_at     datetime(6)   not null,
    received_at     datetime(6)   not null,
    status          int           not null,
    outcome         text          not null,
    negative_stock  boolean       not null,
    constraint uk_mes_report_client unique (tenant_id, client_id),
    constraint uk_mes_report_sequence unique (terminal_id, sequence_no),
    constraint fk_mes_report_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_report_terminal foreign key (terminal_id) references mes_terminal (id),
    constraint fk_mes_report_operation foreign key (operation_id) references mes_operation (id),
    index ix_mes_report_operation (tenant_id, operation_id, occurred_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Downtime of a work unit with its reason: reported by an operator, or a machine stop the PLC reported and an operator
-- annotated (machine_interval_id).
create table mes_downtime (
    id                   bigint       not null auto_increment primary key,
    tenant_id            varchar(32)  not null,
    work_unit_id         bigint       not null,
    reason_id            bigint       not null,
    started_at           datetime(6)  not null,
    ended_at             datetime(6)  null,
    machine_interval_id  bigint       null,
    report_id            bigint       not null,
    planned              boolean      not null,
    note                 varchar(500) null,
    constraint uk_mes_downtime_interval unique (machine_interval_id),
    constraint fk_mes_downtime_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_downtime_unit foreign key (work_unit_id) references work_unit (id),
    constraint fk_mes_downtime_reason foreign key (reason_id) references mes_reason (id),
    constraint fk_mes_downtime_report foreign key (report_id) references mes_report (id),
    index ix_mes_downtime_unit (tenant_id, work_unit_id, started_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Genealogy: what went into what a work order produced, with quantities in the consumed item's stock unit. Lots are
-- null for items tracked by neither lot nor serial number (the work order still links them).
create table mes_genealogy (
    id                bigint        not null auto_increment primary key,
    tenant_id         varchar(32)   not null,
    produced_item_id  bigint        not null,
    produced_lot_id   bigint        null,
    consumed_item_id  bigint        not null,
    consumed_lot_id   bigint        null,
    quantity          decimal(20,6) not null,
    work_order_id     bigint        not null,
    report_id         bigint        not null,
    constraint fk_mes_genealogy_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_genealogy_produced_item foreign key (produced_item_id) references item (id),
    constraint fk_mes_genealogy_produced foreign key (produced_lot_id) references lot (id),
    constraint fk_mes_genealogy_consumed_item foreign key (consumed_item_id) references item (id),
    constraint fk_mes_genealogy_consumed foreign key (consumed_lot_id) references lot (id),
    constraint fk_mes_genealogy_wo foreign key (work_order_id) references mes_work_order (id),
    constraint fk_mes_genealogy_report foreign key (report_id) references mes_report (id),
    index ix_mes_genealogy_produced (tenant_id, produced_lot_id),
    index ix_mes_genealogy_consumed (tenant_id, consumed_lot_id),
    index ix_mes_genealogy_wo (tenant_id, work_order_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Which lot a work order's output goes into: one lot per work order and output item (recipes: co- and by-products).
create table mes_output_lot (
    id             bigint      not null auto_increment primary key,
    tenant_id      varchar(32) not null,
    work_order_id  bigint      not null,
    item_id        bigint      not null,
    lot_id         bigint      not null,
    constraint uk_mes_output_lot unique (work_order_id, item_id),
    constraint fk_mes_output_lot_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_output_lot_wo foreign key (work_order_id) references mes_work_order (id),
    constraint fk_mes_output_lot_lot foreign key (lot_id) references lot (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- In-process inspection: what to measure at an operation of a routing (copied to each released operation).
create table mes_inspection_plan (
    id                    bigint        not null auto_increment primary key,
    tenant_id             varchar(32)   not null,
    routing_operation_id  bigint        not null,
    characteristic        varchar(100)  not null,
    nominal               decimal(20,6) null,
    lower_limit           decimal(20,6) null,
    upper_limit           decimal(20,6) null,
    unit                  varchar(16)   null,
    sample_size           int           not null,
    version               bigint        not null,
    constraint uk_mes_inspection_plan unique (routing_operation_id, characteristic),
    constraint fk_mes_inspection_plan_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_inspection_plan_op foreign key (routing_operation_id) references routing_operation (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table mes_characteristic (
    id             bigint        not null auto_increment primary key,
    tenant_id      varchar(32)   not null,
    operation_id   bigint        not null,
    name           varchar(100)  not null,
    nominal        decimal(20,6) null,
    lower_limit    decimal(20,6) null,
    upper_limit    decimal(20,6) null,
    unit           varchar(16)   null,
    sample_size    int           not null,
    constraint uk_mes_characteristic unique (operation_id, name),
    constraint fk_mes_characteristic_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_characteristic_op foreign key (operation_id) references mes_operation (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table mes_inspection_result (
    id                 bigint        not null auto_increment primary key,
    tenant_id          varchar(32)   not null,
    characteristic_id  bigint        not null,
    operation_id       bigint        not null,
    measured           decimal(20,6) not null,
    within_limits      boolean       not null,
    concerns_quantity  decimal(20,6) not null,
    report_id          bigint        not null,
    measured_at        datetime(6)   not null,
    constraint fk_mes_result_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_result_characteristic foreign key (characteristic_id) references mes_characteristic (id),
    constraint fk_mes_result_operation foreign key (operation_id) references mes_operation (id),
    constraint fk_mes_result_report foreign key (report_id) references mes_report (id),
    index ix_mes_result_operation (tenant_id, operation_id, measured_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A non-conformance: raised by an out-of-limits inspection or a scrap report above the threshold, or by hand. While
-- OPEN it holds its quantity: the operation cannot finish. Its disposition is the processes' NCR workflow.
create table mes_nonconformance (
    id                 bigint        not null auto_increment primary key,
    tenant_id          varchar(32)   not null,
    number             varchar(32)   not null,
    source             varchar(16)   not null,
    status             varchar(16)   not null,
    work_order_id      bigint        null,
    operation_id       bigint        null,
    item_id            bigint        not null,
    characteristic_id  bigint        null,
    quantity           decimal(20,6) not null,
    description        varchar(1000) not null,
    raised_at          datetime(6)   not null,
    raised_by          varchar(64)   not null,
    closed_at          datetime(6)   null,
    version            bigint        not null,
    constraint uk_mes_ncr_number unique (tenant_id, number),
    constraint fk_mes_ncr_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mes_ncr_wo foreign key (work_order_id) references mes_work_order (id),
    constraint fk_mes_ncr_op foreign key (operation_id) references mes_operation (id),
    constraint fk_mes_ncr_item foreign key (item_id) references item (id),
    index ix_mes_ncr_operation (tenant_id, operation_id, status)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
