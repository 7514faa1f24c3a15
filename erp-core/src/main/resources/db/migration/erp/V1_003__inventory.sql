-- Inventory: warehouses and locations, lots and serial numbers, the immutable stock-move ledger, balances derived
-- from it, and reservations. Quantities are decimal(20,6) in the item's stock unit.

create table warehouse (
    id        bigint       not null auto_increment primary key,
    tenant_id varchar(32)  not null,
    code      varchar(32)  not null,
    name      varchar(200) not null,
    site_id   bigint       null,
    version   bigint       not null,
    constraint uk_warehouse_code unique (tenant_id, code),
    constraint fk_warehouse_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_warehouse_site foreign key (site_id) references site (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table location (
    id           bigint       not null auto_increment primary key,
    tenant_id    varchar(32)  not null,
    warehouse_id bigint       not null,
    code         varchar(32)  not null,
    name         varchar(200) not null,
    active       boolean      not null,
    version      bigint       not null,
    constraint uk_location_code unique (tenant_id, warehouse_id, code),
    constraint fk_location_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_location_warehouse foreign key (warehouse_id) references warehouse (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A lot of a lot-tracked item, or one serial number of a serial-tracked item.
create table lot (
    id         bigint      not null auto_increment primary key,
    tenant_id  varchar(32) not null,
    item_id    bigint      not null,
    lot_number varchar(64) not null,
    expires_on date        null,
    created_at datetime(6) not null,
    constraint uk_lot_number unique (tenant_id, item_id, lot_number),
    constraint fk_lot_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_lot_item foreign key (item_id) references item (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The ledger. Rows are never updated or deleted; a mistake is corrected by another move.
create table stock_move (
    id               bigint        not null auto_increment primary key,
    tenant_id        varchar(32)   not null,
    move_type        varchar(16)   not null,
    reason           varchar(24)   not null,
    item_id          bigint        not null,
    quantity         decimal(20,6) not null,
    from_location_id bigint        null,
    to_location_id   bigint        null,
    lot_id           bigint        null,
    reference        varchar(100)  null,
    note             varchar(500)  null,
    username         varchar(64)   not null,
    moved_at         datetime(6)   not null,
    request_id       varchar(64)   null,
    constraint uk_stock_move_request unique (tenant_id, request_id),
    constraint fk_stock_move_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_stock_move_item foreign key (item_id) references item (id),
    constraint fk_stock_move_from foreign key (from_location_id) references location (id),
    constraint fk_stock_move_to foreign key (to_location_id) references location (id),
    constraint fk_stock_move_lot foreign key (lot_id) references lot (id),
    constraint ck_stock_move_quantity check (quantity > 0),
    index ix_stock_move_item (tenant_id, item_id, moved_at),
    index ix_stock_move_reference (tenant_id, reference)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Derived from the ledger in the same transaction as each move. lot_key stands in for a null lot in the unique key;
-- the row with lot_key 0 of an item and location is also the lock every move of that pair takes first.
create table stock_balance (
    id          bigint        not null auto_increment primary key,
    tenant_id   varchar(32)   not null,
    item_id     bigint        not null,
    location_id bigint        not null,
    lot_id      bigint        null,
    lot_key     bigint as (coalesce(lot_id, 0)) stored,
    quantity    decimal(20,6) not null,
    version     bigint        not null,
    constraint uk_stock_balance unique (tenant_id, item_id, location_id, lot_key),
    constraint fk_stock_balance_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_stock_balance_item foreign key (item_id) references item (id),
    constraint fk_stock_balance_location foreign key (location_id) references location (id),
    constraint fk_stock_balance_lot foreign key (lot_id) references lot (id),
    index ix_stock_balance_location (tenant_id, location_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table stock_reservation (
    id          bigint        not null auto_increment primary key,
    tenant_id   varchar(32)   not null,
    item_id     bigint        not null,
    location_id bigint        not null,
    quantity    decimal(20,6) not null,
    reference   varchar(100)  not null,
    status      varchar(16)   not null,
    username    varchar(64)   not null,
    created_at  datetime(6)   not null,
    version     bigint        not null,
    constraint fk_stock_reservation_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_stock_reservation_item foreign key (item_id) references item (id),
    constraint fk_stock_reservation_location foreign key (location_id) references location (id),
    index ix_stock_reservation_pair (tenant_id, item_id, location_id, status),
    index ix_stock_reservation_reference (tenant_id, reference)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
