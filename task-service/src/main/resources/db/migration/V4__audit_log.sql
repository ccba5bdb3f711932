-- The audit log: every change, who made it, when, the state before and after. Append-only and hash-chained;
-- see org.luoshi.task.audit.domain.AuditChain for how hash is computed from the other columns.
-- seq is assigned by the application under pg_advisory_xact_lock(0x4C756F7368694175) as max(seq)+1 in the
-- transaction of the change, so it has no gaps (a sequence would skip numbers on rollback).
create table audit_entry (
    seq           bigint        primary key check (seq > 0),
    recorded_at   timestamptz   not null,
    actor         varchar(100)  not null,
    actor_roles   text          not null,
    action        varchar(60)   not null,
    entity_type   varchar(40)   not null,
    entity_id     varchar(60),
    before_state  jsonb,
    after_state   jsonb,
    prev_hash     char(64)      not null,
    hash          char(64)      not null unique
);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id, seq desc);
create index audit_entry_actor_idx on audit_entry (actor, seq desc);

-- History is not rewritten, not even by mistake by the application's own role: corrections are new entries.
-- (The table owner can still disable these triggers; in production the application should not own the table.)
create function audit_entry_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using hint = 'Record a new entry that corrects the earlier one.';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
