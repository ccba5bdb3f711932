-- A notification's mail is sent by the node that claims the row: the one whose job stored it, right after commit, or
-- any node's sweeper once the row has waited a few seconds unmailed (its node died before sending, or the send failed).
-- A claim lapses at mail_claimed_until, so that a row claimed by a node that died, or whose send failed, is claimed
-- again; mail_attempts bounds the tries of a mail that cannot be delivered.
alter table luoshi_notification add column mail_claimed_by varchar(100);
alter table luoshi_notification add column mail_claimed_until timestamp with time zone;
alter table luoshi_notification add column mail_attempts integer not null default 0;
create index luoshi_notification_unmailed_idx on luoshi_notification (id) where mailed_at is null;
