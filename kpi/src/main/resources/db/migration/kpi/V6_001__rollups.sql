-- KPI roll-ups: the sums ISO 22400-2 KPIs are computed from, per work unit, work center, area, site and enterprise, by
-- hour, shift, day, week and month in the enterprise's zone. A work unit's row is computed from the raw history for
-- exactly its bucket (TimeModelService, as the on-demand API does); every other level is the sum of its work units'
-- rows. Nothing here is a system of record: kpi-recompute rebuilds it all from the MES's history.
create table kpi_rollup (
    tenant_id            varchar(32)    not null,
    level                varchar(16)    not null,
    node_id              bigint         not null,
    grain                varchar(8)     not null,
    bucket_start         datetime(6)    not null,
    bucket_end           datetime(6)    not null,
    label                varchar(64)    not null,
    pot                  bigint         not null,
    pdot                 bigint         not null,
    pbt                  bigint         not null,
    apt                  bigint         not null,
    asut                 bigint         not null,
    adet                 bigint         not null,
    adot                 bigint         not null,
    unknown_time         bigint         not null,
    aupt                 bigint         not null,
    aubt                 bigint         not null,
    aoet                 bigint         not null,
    quantity_unit        varchar(32)    null,
    produced             decimal(26, 6) not null,
    good                 decimal(26, 6) not null,
    scrap                decimal(26, 6) not null,
    rework               decimal(26, 6) not null,
    -- routing minutes per unit (scale 6) × quantity (scale 6) × 60: kept exactly
    planned_run_seconds  decimal(38, 12) not null,
    failures             int            not null,
    repair_seconds       bigint         not null,
    operations_finished  int            not null,
    operations_on_time   int            not null,
    computed_at          datetime(6)    not null,
    primary key (tenant_id, level, node_id, grain, bucket_start),
    constraint fk_kpi_rollup_tenant foreign key (tenant_id) references enterprise (code),
    index ix_kpi_rollup_bucket (tenant_id, grain, bucket_start)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Touched work units (null: all of the enterprise's) from an instant on, written in the transaction of the MES change
-- that touched them; the roll-up worker recomputes their buckets from there to now and then deletes the marks.
-- scope EVENT (a change of the MES: hours and shifts now, then a COARSE touch for days, weeks and months, due after
-- the coarse delay), COARSE, or ALL (every grain: recomputation, a new hour). due_at null: due now.
create table kpi_rollup_dirty (
    id            bigint      not null auto_increment primary key,
    tenant_id     varchar(32) not null,
    work_unit_id  bigint      null,
    dirty_from    datetime(6) not null,
    scope         varchar(8)  not null,
    due_at        datetime(6) null,
    constraint fk_kpi_rollup_dirty_tenant foreign key (tenant_id) references enterprise (code),
    index ix_kpi_rollup_dirty_tenant (tenant_id, id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One row per enterprise, locked while its roll-ups are written: replicas and threads update them one at a time, so a
-- level's sum never misses a concurrent change of one of its work units.
create table kpi_rollup_lock (
    tenant_id     varchar(32) not null primary key,
    constraint fk_kpi_rollup_lock_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
