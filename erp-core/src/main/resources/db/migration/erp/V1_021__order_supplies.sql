-- Orders wait for the orders that make their components (issue 16): the links MRP finds and conversion makes.

-- Which orders supply the components of which production orders: the pegs an MRP run found from open production
-- orders' component reservations to purchase and production orders (rows of that run, purged with it), and the links
-- made when a planned order was converted (run_id null: kept across runs). Orders are named by number, as MRP names
-- them; a purchase order line as number/line. The scheduler reads the rows of the current run and the kept ones.
create table mrp_order_supply (
    id                 bigint        not null auto_increment primary key,
    tenant_id          varchar(32)   not null,
    run_id             bigint        null,
    consumer_order     varchar(32)   not null,
    item_id            bigint        not null,
    -- M: a production order; B: a purchase order line
    supplier_kind      char(1)       not null,
    supplier_reference varchar(64)   not null,
    quantity           decimal(20,6) not null,
    constraint fk_mrp_order_supply_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_mrp_order_supply_item foreign key (item_id) references item (id),
    index ix_mrp_order_supply_consumer (tenant_id, consumer_order),
    index ix_mrp_order_supply_run (run_id, item_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
