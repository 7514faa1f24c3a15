-- Which suite process last applied (and forgot) touches of the enterprise under its roll-up lock. A process keeps the
-- minutes of quantities it read for the hours and shifts of the touched work units (QuantityMinutes), and trusts them
-- only while it was the last to apply touches: another replica's applying means touches this process never read, so
-- it reads those minutes again.
alter table kpi_rollup_lock
    add column writer varchar(64) null;
