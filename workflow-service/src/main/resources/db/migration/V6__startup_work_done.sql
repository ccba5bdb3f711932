-- Start-up work that only ever finds something to do once per database (after an upgrade) is recorded here when it
-- has run, so that later starts skip it instead of scanning the inbox and the engine's tasks before the service is
-- ready (issue 15: start-up work that can wait must not delay readiness). A database upgraded to this version has no
-- rows yet: its next start does the work once. A later upgrade that needs such work again names it anew.
create table luoshi_startup_work_done (
    name varchar(100) primary key,
    done timestamptz not null default now()
);
