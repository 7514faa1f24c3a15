-- A customer's credit limit: the open value of its sales orders (not yet shipped, not cancelled or closed) that the
-- enterprise accepts before a manager must release a new order. Null: no limit is kept for the partner.
alter table partner
    add column credit_limit decimal(20, 6) null;
