-- The inbox by group: one row per open item and candidate group it is offered to, ordered in the indexes as the inbox
-- lists it (earliest due first, items without a due date last, then oldest first). A caller's page is then a short
-- index scan per group of theirs and their count an index-only scan of their groups' entries, instead of reading
-- every open item of their groups from the table (a GIN index gives no order) and sorting them: at 200,000 open
-- items a department of 3,333 cost ~3,100 heap pages per request.
--
-- The rows are kept by triggers on luoshi_inbox_item, in the statement that changes the item: the same transaction
-- as the engine's command, under the item's row lock (two changes of one item wait for each other), whoever writes
-- the item (the task listener, a migration, a test or a bench seed).
create table luoshi_inbox_offer (
    task_id varchar(64) not null references luoshi_inbox_item (task_id) on delete cascade,
    group_code varchar(255) not null,
    due timestamptz,
    created timestamptz not null,
    activity_id varchar(255) not null,
    process_definition_key varchar(255) not null,
    -- offered to more than one group: only such an item can be met twice by a caller in several of them, so only
    -- these need a distinct count
    several_groups boolean not null,
    primary key (task_id, group_code)
);
-- a group's items in inbox order; the included columns filter (process key, activity) and count without the table
create index luoshi_inbox_offer_group_due on luoshi_inbox_offer (group_code, due, created, task_id)
    include (activity_id, process_definition_key, several_groups);
-- one kind of item of a group in inbox order (the supervision office's role holds every kind of its work)
create index luoshi_inbox_offer_group_activity_due on luoshi_inbox_offer (group_code, activity_id, due, created, task_id)
    include (several_groups);

create function luoshi_inbox_offer_sync() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from luoshi_inbox_offer where task_id = old.task_id;
    end if;
    if new.status = 'OPEN' then
        insert into luoshi_inbox_offer (task_id, group_code, due, created, activity_id, process_definition_key, several_groups)
        select new.task_id, g.code, new.due, new.created, new.activity_id, new.process_definition_key, count(*) over () > 1
          from (select distinct code from unnest(new.candidate_groups) as code) g;
    end if;
    return null;
end $$;

create trigger luoshi_inbox_offer_on_insert after insert on luoshi_inbox_item
    for each row when (new.status = 'OPEN') execute function luoshi_inbox_offer_sync();
-- only a change of what the offers hold touches them: a claim (assignee) or a new title leaves them as they are
create trigger luoshi_inbox_offer_on_update after update on luoshi_inbox_item
    for each row when (old.status is distinct from new.status or old.candidate_groups is distinct from new.candidate_groups
        or old.due is distinct from new.due or old.created is distinct from new.created
        or old.activity_id is distinct from new.activity_id
        or old.process_definition_key is distinct from new.process_definition_key)
    execute function luoshi_inbox_offer_sync();

insert into luoshi_inbox_offer (task_id, group_code, due, created, activity_id, process_definition_key, several_groups)
select i.task_id, g.code, i.due, i.created, i.activity_id, i.process_definition_key,
       (select count(distinct c) from unnest(i.candidate_groups) c) > 1
  from luoshi_inbox_item i
 cross join lateral (select distinct code from unnest(i.candidate_groups) as code) g
 where i.status = 'OPEN';

-- replaced by the offers' indexes: nothing reads the open items by group or by kind from the item table any more
drop index luoshi_inbox_item_groups_open;
drop index luoshi_inbox_item_activity_open;
