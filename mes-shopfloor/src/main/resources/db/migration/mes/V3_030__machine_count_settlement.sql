-- How each part count of a machine-counted work center was settled, kept with the count itself so that a count is
-- applied exactly once even when the server stops between storing it and applying it. counting is null where the
-- terminal counts (the work center counts by terminal, the running operation is a rework operation, nothing good was
-- counted, or the machine is on no work unit of the enterprise); otherwise PENDING until applied, then APPLIED or
-- REFUSED with the QUANTITY report that applied or refused it (client id machine:<code>:<sequence>), or NO_OPERATION
-- when no operation ran on the work unit as the count was stored. The sweep finds the PENDING ones by the index: few
-- at any time, however large the table grows. Counts stored before this migration keep null: the after-commit delivery
-- of that time applied them or not, and mes_report says which. No foreign key on report_id: adding one would copy the
-- whole table (both servers), and, like operation_id, the column is written by this module only.
alter table mes_part_count
    add column counting  varchar(16) null,
    add column report_id bigint      null,
    add index ix_mes_part_count_counting (counting);
