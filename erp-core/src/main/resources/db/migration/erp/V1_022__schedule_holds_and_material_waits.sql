-- The late-order explanation follows what held each operation, and operations wait for their material (issue 16).

-- What held each scheduled operation, as the solve saw it (the late-order explanation follows these): the reason, the
-- operation it waited for (routing or machine predecessor, or the operation making its material), when that let it
-- go, and the non-working time it crossed before it could start.
alter table schedule_operation
    add column held_by              varchar(24) null,
    add column held_by_order_id     bigint      null,
    add column held_by_operation_no int         null,
    add column ready_at             datetime(6) null,
    add column gap                  varchar(24) null,
    add column gap_window_end       datetime(6) null;

-- The material an operation of a schedule waits for: a component made by another production order or bought on an
-- open purchase order line, and when it is expected (the supplier's scheduled end or first transfer batch, the
-- supplier's due date when it is not scheduled with it, the purchase line's due date).
create table schedule_material_wait (
    id                    bigint      not null auto_increment primary key,
    tenant_id             varchar(32) not null,
    schedule_id           bigint      not null,
    production_order_id   bigint      not null,
    operation_no          int         not null,
    item_id               bigint      not null,
    item_code             varchar(64) not null,
    supplier_kind         varchar(24) not null,
    supplier_order_id     bigint      not null,
    supplier_order_number varchar(32) not null,
    supplier_line_no      int         null,
    available_at          datetime(6) null,
    constraint fk_schedule_material_wait_tenant foreign key (tenant_id) references enterprise (code),
    constraint fk_schedule_material_wait_schedule foreign key (schedule_id) references production_schedule (id)
        on delete cascade,
    index ix_schedule_material_wait_operation (schedule_id, production_order_id, operation_no)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
