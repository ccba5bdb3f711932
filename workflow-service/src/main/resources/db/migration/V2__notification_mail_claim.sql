-- A notification's mail is sent by the node that claims the row: the one whose job stored it, right after commit, or
-- any node's sweeper once the row has waited a few seconds unmailed (its node died before sending). A claim lapses at
-- mail_claimed_until, so that a row claimed by a node that died is claimed again.
alter table luoshi_notification add column mail_claimed_by varchar(100);
alter table luoshi_notification add column mail_claimed_until timestamp with time zone;
create index luoshi_notification_unmailed_idx on luoshi_notification (id) where mailed_at is null and mail_error is null;
