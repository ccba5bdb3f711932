-- The audit chain's head, locked and read in one statement: select * from audit_chain_head(). Before, an append sent
-- pg_advisory_xact_lock and then the head's read as two statements, because a READ COMMITTED statement sees what was
-- committed when it started, and the read must see what the previous holder of the lock committed. A VOLATILE
-- function takes a fresh snapshot for each statement it runs, so its read, run after the lock is granted, sees that
-- commit: one round trip instead of two, the same lock (appenders of an older release serialize with it), and no row
-- that every append rewrites.
create function audit_chain_head(out seq bigint, out hash char(64))
    language plpgsql volatile
as $$
begin
    perform pg_advisory_xact_lock(5509432260621320565);  -- 0x4C756F7368694175, "LuoshiAu"
    -- nulls for an empty log (AuditEntryRepository.lockHead answers the chain's start for them)
    select e.seq, e.hash into seq, hash from audit_entry e order by e.seq desc limit 1;
end;
$$;
