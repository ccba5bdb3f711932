-- The audit chain's head: the last entry's seq and hash, in one row that every append locks (select … for update)
-- and moves in the statement that inserts the entry. Before, an append took pg_advisory_xact_lock and then read
-- max(seq) in a second statement (a READ COMMITTED statement sees what was committed when it started, so the read had
-- to follow the lock); a row lock does both in one: after waiting for the holder, PostgreSQL re-reads the row's
-- newest committed version (EvalPlanQual), i.e. the head the holder left. Seqs stay gap-free and in commit order.
create table audit_head (
    id    smallint  primary key check (id = 1),
    seq   bigint    not null check (seq >= 0),
    hash  char(64)  not null
);

-- taken under the old lock, so that no append of an older node slips between the read and the insert
select pg_advisory_xact_lock(5509432260621320565);
insert into audit_head (id, seq, hash)
select 1, coalesce(max(seq), 0),
       coalesce((select hash from audit_entry order by seq desc limit 1), repeat('0', 64))
from audit_entry;
