-- One row per tracked milestone (MilestoneTrackingRegistry): the milestone id as primary key makes two concurrent
-- trackings of one milestone start one instance. Created from Java at start-up before this migration, hence
-- "if not exists": a database that has it already keeps it as it is.
create table if not exists luoshi_milestone_tracking (
    milestone_id bigint primary key,
    task_id bigint not null,
    business_key varchar(255) not null,
    updated timestamptz not null
);
