-- Sales, purchase and production orders. Line quantities are in the line's unit; shipped and received quantities too.

create table number_sequence (
    tenant_id  varchar(32) not null,
    kind       varchar(16) not null,
    next_value bigint      not null,
    primary key (tenant_id, kind),
    constraint fk_number_sequence_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table sales_order (
    id          bigint       not null auto_increment primary key,
    tenant_id   varchar(32)  not null,
    number      varchar(32)  not null,
    customer_id bigint       not null,
    order_date  date         not null,
    status      varchar(20)  not null,
    currency    char(3)      not null,
    note        varchar(500) null,
    version     bigint       not null,
    constraint uk_sales_order_number unique (tenant_id, number),
    constraint fk_sales_order_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_sales_order_customer foreign key (customer_id) references partner (id),
    index ix_sales_order_status (tenant_id, status)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table sales_order_line (
    id               bigint        not null auto_increment primary key,
    tenant_id        varchar(32)   not null,
    order_id         bigint        not null,
    line_no          int           not null,
    item_id          bigint        not null,
    quantity         decimal(20,6) not null,
    unit_id          bigint        not null,
    requested_date   date          not null,
    unit_price       decimal(20,6) not null,
    shipped_quantity decimal(20,6) not null,
    constraint uk_sales_order_line unique (order_id, line_no),
    constraint fk_sales_order_line_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_sales_order_line_order foreign key (order_id) references sales_order (id) on delete cascade,
    constraint fk_sales_order_line_item foreign key (item_id) references item (id),
    constraint fk_sales_order_line_unit foreign key (unit_id) references unit (id),
    index ix_sales_order_line_item (tenant_id, item_id, requested_date)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table purchase_order (
    id          bigint       not null auto_increment primary key,
    tenant_id   varchar(32)  not null,
    number      varchar(32)  not null,
    supplier_id bigint       not null,
    order_date  date         not null,
    status      varchar(20)  not null,
    currency    char(3)      not null,
    note        varchar(500) null,
    version     bigint       not null,
    constraint uk_purchase_order_number unique (tenant_id, number),
    constraint fk_purchase_order_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_purchase_order_supplier foreign key (supplier_id) references partner (id),
    index ix_purchase_order_status (tenant_id, status)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table purchase_order_line (
    id                bigint        not null auto_increment primary key,
    tenant_id         varchar(32)   not null,
    order_id          bigint        not null,
    line_no           int           not null,
    item_id           bigint        not null,
    quantity          decimal(20,6) not null,
    unit_id           bigint        not null,
    due_date          date          not null,
    unit_price        decimal(20,6) not null,
    received_quantity decimal(20,6) not null,
    constraint uk_purchase_order_line unique (order_id, line_no),
    constraint fk_purchase_order_line_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_purchase_order_line_order foreign key (order_id) references purchase_order (id) on delete cascade,
    constraint fk_purchase_order_line_item foreign key (item_id) references item (id),
    constraint fk_purchase_order_line_unit foreign key (unit_id) references unit (id),
    index ix_purchase_order_line_item (tenant_id, item_id, due_date)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table production_order (
    id                 bigint        not null auto_increment primary key,
    tenant_id          varchar(32)   not null,
    number             varchar(32)   not null,
    item_id            bigint        not null,
    quantity           decimal(20,6) not null,
    completed_quantity decimal(20,6) not null,
    start_date         date          not null,
    due_date           date          not null,
    status             varchar(20)   not null,
    bom_id             bigint        null,
    recipe_id          bigint        null,
    routing_id         bigint        null,
    origin             varchar(16)   not null,
    note               varchar(500)  null,
    version            bigint        not null,
    constraint uk_production_order_number unique (tenant_id, number),
    constraint fk_production_order_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_production_order_item foreign key (item_id) references item (id),
    constraint fk_production_order_bom foreign key (bom_id) references bom (id),
    constraint fk_production_order_recipe foreign key (recipe_id) references recipe (id),
    constraint fk_production_order_routing foreign key (routing_id) references routing (id),
    index ix_production_order_item (tenant_id, item_id, due_date),
    index ix_production_order_status (tenant_id, status)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
