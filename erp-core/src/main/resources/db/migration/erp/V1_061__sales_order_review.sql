-- The review of a sales order when it is entered (credit, material availability on the requested dates): where it
-- stands (PENDING, CREDIT_HOLD, DATE_PROPOSAL, CUSTOMER_CONFIRMATION, APPROVED, REJECTED; null for an order never
-- reviewed), the date promised to the customer once approved, and a note saying why.
alter table sales_order
    add column review_status varchar(24) null,
    add column promised_date date null,
    add column review_note varchar(500) null;
