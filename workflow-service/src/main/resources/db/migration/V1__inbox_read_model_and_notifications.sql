-- workflow-service's own tables, next to the process engine's ACT_* tables (which the engine creates and updates
-- itself). V1 is the schema as the service created it from Java before Flyway: a database that already has these
-- tables is baselined at V1 (quarkus.flyway.baseline-on-migrate) and skips this script.

-- The inbox read model: one row per user task, written by the engine's task listener in the engine's transaction.
create table luoshi_inbox_item (
    task_id varchar(64) primary key,
    process_instance_id varchar(64) not null,
    process_definition_key varchar(255) not null,
    business_key varchar(255),
    activity_id varchar(255) not null,
    name varchar(255),
    candidate_groups text[] not null default '{}',
    assignee varchar(255),
    delegated_by varchar(255),
    created timestamptz not null,
    due timestamptz,
    plan_task_id bigint,
    task_title text,
    plan_section text,
    department_code varchar(64),
    status varchar(16) not null,
    ended timestamptz,
    ended_by varchar(255),
    updated timestamptz not null,
    milestone_title text
);

-- Partial indexes: only open items are indexed, so the indexes stay small however long the history grows.
-- The names are referred to by InboxReadModel's constants and the EXPLAIN test.
create index luoshi_inbox_item_groups_open on luoshi_inbox_item using gin (candidate_groups) where status = 'OPEN';
create index luoshi_inbox_item_assignee_open on luoshi_inbox_item (assignee, due, created) where status = 'OPEN';
create index luoshi_inbox_item_process on luoshi_inbox_item (process_instance_id);
-- one kind of item (e.g. every report waiting for 督查室审核) in inbox order: the supervision office's candidate group
-- holds every kind of its work, so the GIN index alone would read all of it
create index luoshi_inbox_item_activity_open on luoshi_inbox_item (activity_id, due, created, task_id) where status = 'OPEN';

-- Who did what to an item and when: created, claimed, unclaimed, delegated, assigned, completed, deleted.
create table luoshi_inbox_event (
    id bigserial primary key,
    task_id varchar(64) not null,
    at timestamptz not null,
    actor varchar(255),
    action varchar(32) not null,
    detail text
);
create index luoshi_inbox_event_task on luoshi_inbox_event (task_id, at);

-- Notifications (提醒, 催办, 督办, decisions), one row per recipient; dedup_key makes a retried job insert once.
create table luoshi_notification (
    id bigserial primary key,
    recipient_type varchar(10) not null,
    recipient varchar(100) not null,
    kind varchar(30) not null,
    subject varchar(500) not null,
    body text not null,
    link varchar(1000),
    process_instance_id varchar(64),
    task_id bigint,
    milestone_id bigint,
    dedup_key varchar(400) not null unique,
    created_at timestamp with time zone not null,
    mailed_at timestamp with time zone,
    mailed_to varchar(320),
    mail_error varchar(1000)
);
create index luoshi_notification_recipient_idx on luoshi_notification (recipient, recipient_type, created_at desc);
