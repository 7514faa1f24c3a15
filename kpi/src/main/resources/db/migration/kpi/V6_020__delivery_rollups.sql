-- On-time delivery in the roll-ups: the sales order lines requested on a plant-local date of the bucket (confirmed or
-- later, not cancelled) and of them those shipped in full no later than that date (DeliveryCounts). Kept on the
-- ENTERPRISE rows of days, weeks and months only (deliveries are dated, and belong to no work unit); null elsewhere.
alter table kpi_rollup
    add column lines_due     int null,
    add column lines_on_time int null;

-- the enterprise rows written before this column existed count no lines until the delivery watch or kpi-recompute
-- counts them (a recomputation writes 0 where no line is due)
update kpi_rollup set lines_due = 0, lines_on_time = 0
 where level = 'ENTERPRISE' and grain in ('DAY', 'WEEK', 'MONTH');

alter table kpi_snapshot
    add column lines_due     int null,
    add column lines_on_time int null;

-- Each sales order line as the delivery roll-ups last counted it: the roll-up worker compares the lines with it every
-- round, and recounts the days, weeks and months of a line's old and new requested date where anything differs (a
-- shipment, a changed promise or quantity, a confirmed, cancelled or deleted order). Not a system of record.
create table kpi_delivery_line (
    tenant_id        varchar(32)   not null,
    line_id          bigint        not null,
    requested_date   date          not null,
    quantity         decimal(20,6) not null,
    shipped_quantity decimal(20,6) not null,
    order_status     varchar(20)   not null,
    primary key (tenant_id, line_id),
    constraint fk_kpi_delivery_line_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
