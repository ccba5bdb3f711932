-- Verified checkpoints of the audit chain: GET /api/audit/verify re-hashes only the entries after the newest one
-- (a full check, ?full=true, still starts from seq 1). A checkpoint is trusted only while its entry keeps that hash.
create table audit_checkpoint (
    seq          bigint        primary key,
    hash         char(64)      not null,
    verified_at  timestamptz   not null,
    verified_by  varchar(100)  not null
);

-- When workflow-service started tracking the milestone (节点填报与审核, PUT /api/milestones/{id}/tracking); null while
-- it is still being planned. From then on its date and existence change only through 动态调整 or the supervising office.
alter table milestone add column tracking_started_at timestamptz;

-- Calls per user and operation in the current window (RateLimiter): in the database so that every node counts them.
create table rate_limit_window (
    username      varchar(100)  not null,
    operation     varchar(60)   not null,
    window_start  timestamptz   not null,
    hits          integer       not null,
    primary key (username, operation, window_start)
);
