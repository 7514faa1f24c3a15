-- The embedded run's demo programme (deploy's DemoProgrammeGenerator): the generated pilot enterprises and how far the
-- generation of their raw history got. One row per enterprise (its state, the period it covers) and one per
-- enterprise-day written: a day's history and its row commit in one transaction, so a start after a stop or crash
-- writes the days that have no row and nothing twice. Not enterprise data the API shows (only counts, to the bureau),
-- so no Hibernate tenant filter.
create table demo_history_enterprise (
    tenant_id     varchar(32)   not null primary key,
    state         varchar(16)   not null,
    first_day     date          not null,
    days_total    int           not null,
    history_end   datetime(6)   not null,
    started_at    datetime(3)   not null,
    updated_at    datetime(3)   not null,
    completed_at  datetime(3)   null,
    last_error    varchar(1000) null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table demo_history_day (
    tenant_id  varchar(32) not null,
    day        date        not null,
    intervals  int         not null,
    reports    int         not null,
    written_at datetime(3) not null,
    primary key (tenant_id, day)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
