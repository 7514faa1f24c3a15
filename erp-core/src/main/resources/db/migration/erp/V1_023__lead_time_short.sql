-- MRP warns when a lead time is impossible (issue 16): a LEAD_TIME_SHORT message carries the working time the
-- planned order's routing needs at its quantity, in whole minutes.
alter table mrp_exception
    add column working_minutes bigint null;
