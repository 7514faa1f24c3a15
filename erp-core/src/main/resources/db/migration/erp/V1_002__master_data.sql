-- Master data of an enterprise: units, items, BOMs, recipes, the ISA-95 equipment hierarchy, calendars, routings and
-- business partners. Quantities are decimal(20,6) in the named unit; conversion factors decimal(30,12); money
-- decimal(20,6) in the enterprise currency. Dates of effectivity are plant-local dates, valid_to exclusive.

create table unit (
    id        bigint       not null auto_increment primary key,
    tenant_id varchar(32)  not null,
    code      varchar(16)  not null,
    name      varchar(100) not null,
    dimension varchar(16)  not null,
    decimals  int          not null,
    version   bigint       not null,
    constraint uk_unit_code unique (tenant_id, code),
    constraint fk_unit_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table item (
    id                   bigint        not null auto_increment primary key,
    tenant_id            varchar(32)   not null,
    code                 varchar(64)   not null,
    name                 varchar(200)  not null,
    description          varchar(1000) null,
    item_type            varchar(16)   not null,
    sourcing             varchar(8)    not null,
    stock_unit_id        bigint        not null,
    lead_time_days       int           not null,
    lot_sizing           varchar(24)   not null,
    lot_size_quantity    decimal(20,6) null,
    lot_size_minimum     decimal(20,6) null,
    lot_size_maximum     decimal(20,6) null,
    lot_size_multiple    decimal(20,6) null,
    periods_of_supply    int           null,
    safety_stock         decimal(20,6) not null,
    standard_cost        decimal(20,6) not null,
    standard_lot_size    decimal(20,6) not null,
    tracking             varchar(8)    not null,
    allow_negative_stock boolean       not null,
    active               boolean       not null,
    version              bigint        not null,
    constraint uk_item_code unique (tenant_id, code),
    constraint fk_item_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_item_stock_unit foreign key (stock_unit_id) references unit (id),
    index ix_item_type (tenant_id, item_type),
    index ix_item_name (tenant_id, name)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- from_quantity of from_unit equals to_quantity of to_unit (1 box = 12 pcs), kept as a ratio so both directions are
-- exact; item_id null means the conversion holds for every item.
create table unit_conversion (
    id            bigint         not null auto_increment primary key,
    tenant_id     varchar(32)    not null,
    item_id       bigint         null,
    from_unit_id  bigint         not null,
    to_unit_id    bigint         not null,
    from_quantity decimal(30,12) not null,
    to_quantity   decimal(30,12) not null,
    version       bigint         not null,
    item_key      bigint as (coalesce(item_id, 0)) stored,
    constraint uk_unit_conversion unique (tenant_id, item_key, from_unit_id, to_unit_id),
    constraint fk_unit_conversion_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_unit_conversion_item foreign key (item_id) references item (id) on delete cascade,
    constraint fk_unit_conversion_from foreign key (from_unit_id) references unit (id),
    constraint fk_unit_conversion_to foreign key (to_unit_id) references unit (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table bom (
    id            bigint        not null auto_increment primary key,
    tenant_id     varchar(32)   not null,
    item_id       bigint        not null,
    revision      varchar(16)   not null,
    base_quantity decimal(20,6) not null,
    valid_from    date          not null,
    valid_to      date          null,
    version       bigint        not null,
    constraint uk_bom_revision unique (tenant_id, item_id, revision),
    constraint fk_bom_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_bom_item foreign key (item_id) references item (id),
    index ix_bom_item_validity (tenant_id, item_id, valid_from)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table bom_line (
    id           bigint        not null auto_increment primary key,
    tenant_id    varchar(32)   not null,
    bom_id       bigint        not null,
    line_no      int           not null,
    component_id bigint        not null,
    quantity     decimal(20,6) not null,
    unit_id      bigint        not null,
    scrap_factor decimal(9,6)  not null,
    phantom      boolean       not null,
    operation_no int           null,
    constraint uk_bom_line unique (bom_id, line_no),
    constraint fk_bom_line_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_bom_line_bom foreign key (bom_id) references bom (id) on delete cascade,
    constraint fk_bom_line_component foreign key (component_id) references item (id),
    constraint fk_bom_line_unit foreign key (unit_id) references unit (id),
    index ix_bom_line_component (tenant_id, component_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table recipe (
    id                bigint        not null auto_increment primary key,
    tenant_id         varchar(32)   not null,
    item_id           bigint        not null,
    revision          varchar(16)   not null,
    batch_size        decimal(20,6) not null,
    expected_yield    decimal(9,6)  not null,
    cost_allocation   decimal(9,6)  not null,
    valid_from        date          not null,
    valid_to          date          null,
    version           bigint        not null,
    constraint uk_recipe_revision unique (tenant_id, item_id, revision),
    constraint fk_recipe_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_recipe_item foreign key (item_id) references item (id),
    index ix_recipe_item_validity (tenant_id, item_id, valid_from)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table recipe_ingredient (
    id        bigint        not null auto_increment primary key,
    tenant_id varchar(32)   not null,
    recipe_id bigint        not null,
    line_no   int           not null,
    item_id   bigint        not null,
    quantity  decimal(20,6) not null,
    unit_id   bigint        not null,
    constraint uk_recipe_ingredient unique (recipe_id, line_no),
    constraint fk_recipe_ingredient_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_recipe_ingredient_recipe foreign key (recipe_id) references recipe (id) on delete cascade,
    constraint fk_recipe_ingredient_item foreign key (item_id) references item (id),
    constraint fk_recipe_ingredient_unit foreign key (unit_id) references unit (id),
    index ix_recipe_ingredient_item (tenant_id, item_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table recipe_output (
    id              bigint        not null auto_increment primary key,
    tenant_id       varchar(32)   not null,
    recipe_id       bigint        not null,
    line_no         int           not null,
    item_id         bigint        not null,
    kind            varchar(16)   not null,
    quantity        decimal(20,6) not null,
    unit_id         bigint        not null,
    cost_allocation decimal(9,6)  not null,
    constraint uk_recipe_output unique (recipe_id, line_no),
    constraint fk_recipe_output_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_recipe_output_recipe foreign key (recipe_id) references recipe (id) on delete cascade,
    constraint fk_recipe_output_item foreign key (item_id) references item (id),
    constraint fk_recipe_output_unit foreign key (unit_id) references unit (id),
    index ix_recipe_output_item (tenant_id, item_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table calendar (
    id        bigint       not null auto_increment primary key,
    tenant_id varchar(32)  not null,
    code      varchar(32)  not null,
    name      varchar(200) not null,
    time_zone varchar(64)  not null,
    version   bigint       not null,
    constraint uk_calendar_code unique (tenant_id, code),
    constraint fk_calendar_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A shift on a weekday (1 = Monday); an end before the start runs into the next day.
create table calendar_shift (
    id          bigint      not null auto_increment primary key,
    tenant_id   varchar(32) not null,
    calendar_id bigint      not null,
    weekday     int         not null,
    name        varchar(50) not null,
    starts_at   time        not null,
    ends_at     time        not null,
    constraint fk_calendar_shift_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_calendar_shift_calendar foreign key (calendar_id) references calendar (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table calendar_break (
    id        bigint      not null auto_increment primary key,
    tenant_id varchar(32) not null,
    shift_id  bigint      not null,
    starts_at time        not null,
    ends_at   time        not null,
    constraint fk_calendar_break_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_calendar_break_shift foreign key (shift_id) references calendar_shift (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table calendar_holiday (
    id          bigint       not null auto_increment primary key,
    tenant_id   varchar(32)  not null,
    calendar_id bigint       not null,
    day         date         not null,
    name        varchar(100) not null,
    constraint uk_calendar_holiday unique (calendar_id, day),
    constraint fk_calendar_holiday_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_calendar_holiday_calendar foreign key (calendar_id) references calendar (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table area (
    id        bigint       not null auto_increment primary key,
    tenant_id varchar(32)  not null,
    site_id   bigint       not null,
    code      varchar(32)  not null,
    name      varchar(200) not null,
    version   bigint       not null,
    constraint uk_area_code unique (tenant_id, code),
    constraint fk_area_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_area_site foreign key (site_id) references site (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table work_center (
    id                bigint        not null auto_increment primary key,
    tenant_id         varchar(32)   not null,
    area_id           bigint        not null,
    code              varchar(32)   not null,
    name              varchar(200)  not null,
    parallel_units    int           not null,
    hourly_rate       decimal(20,6) not null,
    calendar_id       bigint        null,
    breaks_interrupt  boolean       not null,
    version           bigint        not null,
    constraint uk_work_center_code unique (tenant_id, code),
    constraint fk_work_center_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_work_center_area foreign key (area_id) references area (id),
    constraint fk_work_center_calendar foreign key (calendar_id) references calendar (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table work_unit (
    id             bigint       not null auto_increment primary key,
    tenant_id      varchar(32)  not null,
    work_center_id bigint       not null,
    code           varchar(32)  not null,
    name           varchar(200) not null,
    active         boolean      not null,
    version        bigint       not null,
    constraint uk_work_unit_code unique (tenant_id, code),
    constraint fk_work_unit_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_work_unit_work_center foreign key (work_center_id) references work_center (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table routing (
    id         bigint      not null auto_increment primary key,
    tenant_id  varchar(32) not null,
    item_id    bigint      not null,
    revision   varchar(16) not null,
    valid_from date        not null,
    valid_to   date        null,
    version    bigint      not null,
    constraint uk_routing_revision unique (tenant_id, item_id, revision),
    constraint fk_routing_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_routing_item foreign key (item_id) references item (id),
    index ix_routing_item_validity (tenant_id, item_id, valid_from)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- transfer_quantity: with overlap, the next operation may start once this many units have passed this one.
create table routing_operation (
    id                bigint        not null auto_increment primary key,
    tenant_id         varchar(32)   not null,
    routing_id        bigint        not null,
    operation_no      int           not null,
    name              varchar(200)  not null,
    work_center_id    bigint        not null,
    setup_minutes     decimal(20,6) not null,
    run_minutes       decimal(20,6) not null,
    transfer_quantity decimal(20,6) null,
    constraint uk_routing_operation unique (routing_id, operation_no),
    constraint fk_routing_operation_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_routing_operation_routing foreign key (routing_id) references routing (id) on delete cascade,
    constraint fk_routing_operation_work_center foreign key (work_center_id) references work_center (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table routing_alternative (
    id             bigint        not null auto_increment primary key,
    tenant_id      varchar(32)   not null,
    operation_id   bigint        not null,
    work_center_id bigint        not null,
    setup_minutes  decimal(20,6) not null,
    run_minutes    decimal(20,6) not null,
    constraint uk_routing_alternative unique (operation_id, work_center_id),
    constraint fk_routing_alternative_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_routing_alternative_operation foreign key (operation_id) references routing_operation (id) on delete cascade,
    constraint fk_routing_alternative_work_center foreign key (work_center_id) references work_center (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table partner (
    id          bigint       not null auto_increment primary key,
    tenant_id   varchar(32)  not null,
    code        varchar(32)  not null,
    name        varchar(200) not null,
    customer    boolean      not null,
    supplier    boolean      not null,
    contact     varchar(200) null,
    version     bigint       not null,
    constraint uk_partner_code unique (tenant_id, code),
    constraint fk_partner_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
