# shellcheck shell=bash
# Sourced by side-by-side.sh and ready-gap.sh: the bench's environment of both services, their prod profile with the
# demo realm's client secret and demo mailboxes (no SMTP: sends fail and are recorded). Needs KEYCLOAK_URL,
# BENCH_PGPORT, TASK_PORT, WF_PORT; TASK_DB / WF_DB default to the bench's databases.
luoshi_env=(KEYCLOAK_URL="$KEYCLOAK_URL" LUOSHI_WEB_ORIGINS=http://localhost:8080 LUOSHI_DISCLOSURE_CRON=off
  TASK_DB_URL="jdbc:postgresql://localhost:$BENCH_PGPORT/${TASK_DB:-luoshi_task_bench}" TASK_DB_PASSWORD=luoshi_task_demo
  WORKFLOW_DB_URL="jdbc:postgresql://localhost:$BENCH_PGPORT/${WF_DB:-luoshi_workflow_bench}" WORKFLOW_DB_PASSWORD=luoshi_workflow_demo
  WORKFLOW_CLIENT_SECRET=demo-only-workflow-secret TASK_SERVICE_URL="http://localhost:$TASK_PORT"
  WORKFLOW_PUBLIC_URL="http://localhost:$WF_PORT" MAIL_FROM=bench@demo.luoshi.example
  WORKFLOW_USER_MAILBOX="{user}@demo.luoshi.example" WORKFLOW_GROUP_MAILBOX="{group}@demo.luoshi.example"
  SMTP_PORT="${SMTP_PORT:-1}")
