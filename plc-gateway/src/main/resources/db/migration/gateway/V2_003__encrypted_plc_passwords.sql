-- PLC passwords are stored encrypted (AES-256-GCM, base64 of nonce + ciphertext + tag; the key comes from
-- configuration, never from the database). Rows written before this version hold plain text (password_encrypted = 0);
-- the application encrypts them at its next start.
alter table plc_machine_binding modify column password varchar(1200) null;
alter table plc_machine_binding add column password_encrypted boolean not null default false;
