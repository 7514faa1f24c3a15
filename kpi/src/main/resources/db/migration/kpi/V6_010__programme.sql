-- The bureau's programme records (kpi.programme): cohorts of pilot enterprises, the experts paired with them and the
-- visits they log, research projects, training sessions, model cases and the enterprises' annual CMMM
-- (GB/T 39116-2020) self-assessments. Cohorts, pairings, projects, training and model cases are the programme's own
-- (the bureau acts for no enterprise), so they carry no tenant_id; visits and assessments belong to the enterprise
-- they are about and are filtered by Hibernate's tenant filter like every enterprise record.

create table programme_cohort (
    id         bigint       not null auto_increment primary key,
    year       int          not null,
    name_zh    varchar(200) not null,
    name_en    varchar(200) not null,
    type       varchar(16)  not null,
    version    bigint       not null,
    constraint uk_programme_cohort unique (year, type)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- An enterprise belongs to one cohort of the programme.
create table programme_cohort_enterprise (
    cohort_id       bigint      not null,
    enterprise_code varchar(32) not null,
    primary key (cohort_id, enterprise_code),
    constraint uk_programme_cohort_enterprise unique (enterprise_code),
    constraint fk_programme_cohort_enterprise_cohort foreign key (cohort_id) references programme_cohort (id) on delete cascade,
    constraint fk_programme_cohort_enterprise_enterprise foreign key (enterprise_code) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The bureau pairs an expert with an enterprise for a period; the pairing also grants the expert's read access
-- (erp-core's expert_assignment), which is what lets the expert choose the enterprise in PilotLine-Enterprise.
create table programme_pairing (
    id              bigint      not null auto_increment primary key,
    user_id         bigint      not null,
    enterprise_code varchar(32) not null,
    valid_from      date        not null,
    valid_to        date        null,
    version         bigint      not null,
    constraint uk_programme_pairing unique (user_id, enterprise_code, valid_from),
    constraint fk_programme_pairing_user foreign key (user_id) references app_user (id),
    constraint fk_programme_pairing_enterprise foreign key (enterprise_code) references enterprise (code),
    index ix_programme_pairing_enterprise (enterprise_code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_visit (
    id          bigint        not null auto_increment primary key,
    tenant_id   varchar(32)   not null,
    request_id  varchar(64)   not null,
    expert      varchar(64)   not null,
    visit_date  date          not null,
    topics      varchar(1000) not null,
    findings    text          not null,
    created_at  datetime(6)   not null,
    version     bigint        not null,
    constraint uk_programme_visit_request unique (tenant_id, request_id),
    constraint fk_programme_visit_tenant foreign key (tenant_id) references enterprise (code),
    index ix_programme_visit_date (tenant_id, visit_date)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_visit_follow_up (
    visit_id  bigint        not null,
    position  int           not null,
    action    varchar(1000) not null,
    due       date          null,
    done      boolean       not null,
    primary key (visit_id, position),
    constraint fk_programme_follow_up_visit foreign key (visit_id) references programme_visit (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_project (
    id        bigint       not null auto_increment primary key,
    title_zh  varchar(200) not null,
    title_en  varchar(200) not null,
    status    varchar(16)  not null,
    outcome   text         null,
    version   bigint       not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_project_enterprise (
    project_id      bigint      not null,
    enterprise_code varchar(32) not null,
    primary key (project_id, enterprise_code),
    constraint fk_programme_project_enterprise_project foreign key (project_id) references programme_project (id) on delete cascade,
    constraint fk_programme_project_enterprise_enterprise foreign key (enterprise_code) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_project_expert (
    project_id bigint      not null,
    username   varchar(64) not null,
    primary key (project_id, username),
    constraint fk_programme_project_expert_project foreign key (project_id) references programme_project (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_project_milestone (
    project_id bigint       not null,
    position   int          not null,
    title      varchar(200) not null,
    due        date         not null,
    done_on    date         null,
    primary key (project_id, position),
    constraint fk_programme_milestone_project foreign key (project_id) references programme_project (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_training (
    id            bigint        not null auto_increment primary key,
    level         varchar(16)   not null,
    topic         varchar(200)  not null,
    session_date  date          not null,
    hours         decimal(20,6) not null,
    trainer       varchar(200)  not null,
    version       bigint        not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_training_attendance (
    training_id     bigint        not null,
    enterprise_code varchar(32)   not null,
    attendees       int           not null,
    person_hours    decimal(20,6) not null,
    primary key (training_id, enterprise_code),
    constraint fk_programme_attendance_training foreign key (training_id) references programme_training (id) on delete cascade,
    constraint fk_programme_attendance_enterprise foreign key (enterprise_code) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- 示范样板: an enterprise cited as a model case of a manufacturing type in a year.
create table programme_model_case (
    id                 bigint        not null auto_increment primary key,
    enterprise_code    varchar(32)   not null,
    manufacturing_type varchar(16)   not null,
    year               int           not null,
    citation           varchar(2000) not null,
    version            bigint        not null,
    constraint uk_programme_model_case unique (enterprise_code, manufacturing_type, year),
    constraint fk_programme_model_case_enterprise foreign key (enterprise_code) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One CMMM self-assessment per enterprise and year; re-submitting replaces its levels.
create table programme_cmmm_assessment (
    id           bigint      not null auto_increment primary key,
    tenant_id    varchar(32) not null,
    year         int         not null,
    submitted_by varchar(64) not null,
    submitted_at datetime(6) not null,
    version      bigint      not null,
    constraint uk_programme_cmmm unique (tenant_id, year),
    constraint fk_programme_cmmm_tenant foreign key (tenant_id) references enterprise (code)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table programme_cmmm_level (
    assessment_id bigint      not null,
    domain        varchar(16) not null,
    level         int         not null,
    primary key (assessment_id, domain),
    constraint fk_programme_cmmm_level_assessment foreign key (assessment_id) references programme_cmmm_assessment (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
