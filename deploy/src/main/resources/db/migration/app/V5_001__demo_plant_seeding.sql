-- How far the embedded run's seeding of each demo enterprise's plant got (deploy's DemoPlants). A row in state
-- COMPLETE is the completion marker: later starts leave that plant as users changed it. Any other state (a start cut
-- short, a failed step) is resumed by the next start, whose steps find what exists and create only what is missing.
-- Not enterprise data the API shows, so no Hibernate tenant filter: tenant_id is simply the enterprise seeded.
create table demo_plant_seeding (
    tenant_id    varchar(32)   not null primary key,
    state        varchar(16)   not null,
    step         varchar(64)   null,
    steps_done   int           not null,
    steps_total  int           not null,
    attempts     int           not null,
    started_at   datetime(3)   not null,
    updated_at   datetime(3)   not null,
    completed_at datetime(3)   null,
    last_error   varchar(1000) null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
