-- Only one replica acquires: it holds this lease and renews it; another takes it over once it has expired. Times are
-- the database's (UTC), so the replicas' clocks do not matter. A row per schema: installations sharing a server are
-- independent. token grows at every change of holder.
create table plc_acquisition_lease (
    name        varchar(64)  not null primary key,
    holder      varchar(200) null,
    token       bigint       not null default 0,
    acquired_at datetime(3)  null,
    expires_at  datetime(3)  not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

insert into plc_acquisition_lease (name, holder, token, acquired_at, expires_at)
values ('plc-gateway', null, 0, null, '1970-01-01 00:00:01');

-- The last moment the acquiring gateway knew the machine's state with every earlier event delivered (UTC, updated
-- every few seconds and only forwards). After a stop, a crash or a takeover, the span from here to the first read is
-- reported as DataLossRecorded.
alter table plc_machine_binding add column last_contact datetime(3) null;
