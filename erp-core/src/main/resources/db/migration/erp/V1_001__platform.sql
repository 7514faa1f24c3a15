-- erp-core owns versions 1.x; plc-gateway 2.x, mes-shopfloor 3.x, bpm-models 4.x (see docs/operations.md).
-- Every enterprise-owned table carries tenant_id (the enterprise code) and leads its indexes with it.

create table enterprise (
    id                 bigint       not null auto_increment primary key,
    code               varchar(32)  not null,
    name               varchar(200) not null,
    credit_code        char(18)     not null,
    industry           varchar(100) not null,
    manufacturing_type varchar(16)  not null,
    pilot_since        date         not null,
    status             varchar(16)  not null,
    time_zone          varchar(64)  not null,
    created_at         datetime(6)  not null,
    version            bigint       not null,
    constraint uk_enterprise_code unique (code),
    constraint uk_enterprise_credit_code unique (credit_code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table app_user (
    id              bigint       not null auto_increment primary key,
    username        varchar(64)  not null,
    display_name    varchar(100) not null,
    password_hash   varchar(100) not null,
    enterprise_code varchar(32)  null,
    enabled         boolean      not null,
    created_at      datetime(6)  not null,
    version         bigint       not null,
    constraint uk_app_user_username unique (username),
    constraint fk_app_user_enterprise foreign key (enterprise_code) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table app_user_role (
    user_id bigint      not null,
    role    varchar(16) not null,
    primary key (user_id, role),
    constraint fk_app_user_role_user foreign key (user_id) references app_user (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table expert_assignment (
    user_id         bigint      not null,
    enterprise_code varchar(32) not null,
    primary key (user_id, enterprise_code),
    constraint fk_expert_assignment_user foreign key (user_id) references app_user (id) on delete cascade,
    constraint fk_expert_assignment_enterprise foreign key (enterprise_code) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table site (
    id        bigint       not null auto_increment primary key,
    tenant_id varchar(32)  not null,
    code      varchar(32)  not null,
    name      varchar(200) not null,
    address   varchar(300) null,
    time_zone varchar(64)  not null,
    version   bigint       not null,
    constraint uk_site_code unique (tenant_id, code),
    constraint fk_site_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table journal_entry (
    id          bigint        not null auto_increment primary key,
    tenant_id   varchar(32)   not null,
    recorded_at datetime(6)   not null,
    actor       varchar(64)   not null,
    kind        varchar(64)   not null,
    subject     varchar(100)  null,
    text        varchar(1000) not null,
    constraint fk_journal_entry_tenant foreign key (tenant_id) references enterprise (code),
    index ix_journal_entry_subject (tenant_id, subject),
    index ix_journal_entry_kind (tenant_id, kind, recorded_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
