-- The security audit: administrative actions (accounts, roles, passwords, terminals) and login lock-outs, platform-wide.
-- Rows are never changed or deleted. enterprise_code is the enterprise the action concerns (null: the platform's own).
create table security_audit (
    id              bigint        not null auto_increment primary key,
    recorded_at     datetime(6)   not null,
    actor           varchar(64)   not null,
    action          varchar(64)   not null,
    enterprise_code varchar(32)   null,
    target          varchar(100)  null,
    detail          varchar(1000) null,
    remote_address  varchar(64)   null,
    index ix_security_audit_enterprise (enterprise_code, recorded_at),
    index ix_security_audit_action (action, recorded_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
