"""Luoshi's side of the shared scenarios (../shared/bench/load/peerload.py), for side-by-side.sh.

The shared driver ships an adapter for Luoshi as it was when the comparison was set up (luoshi_adapter.py beside
peerload.py). This module takes its place on the module path (side-by-side.sh puts this folder first) and keeps that
adapter's fixture, tokens and department mapping, loaded from its file under another name, changing only what
Luoshi's API now does differently:

- POST /api/tasks/{t}/milestones answers 201 with the new milestone alone (its id is read from the answer, not
  searched in the whole task);
- the inbox has a count-only request: S3's "count" is GET /api/inbox/count (one count query), no longer a page of 1;
- a lead's report answers once the 督查室审核 item exists: S2 still reloads the supervisor's list until the item
  shows, and reports how many reloads that took (`inbox_reloads`; 0 now);
- `bulk`: the bulk start of tracking for whole plans (POST /api/milestone-trackings/bulk), driven by side-by-side.sh;
- `start` is one request (h7-start1): POST /api/milestone-trackings {taskId, milestone: {title, dueDate}} with an
  Idempotency-Key, which adds the milestone and starts its tracking (workflow-service makes one call to task-service).
  LUOSHI_START=two keeps the earlier two requests (task-service adds, workflow-service tracks), to measure both;
- every user of the scenarios logs in (Keycloak password grant) when the adapter is made, before the measured window;
  until 2026-12-06 07:40 UTC the first request of each user inside S2 paid for its login.
"""
import importlib.util
import os
import sys
import uuid

_LOAD_DIR = next(p for p in sys.path if os.path.isfile(os.path.join(p, "peerload.py")))
_spec = importlib.util.spec_from_file_location("shared_luoshi_adapter", os.path.join(_LOAD_DIR, "luoshi_adapter.py"))
shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shared)

SUPERVISOR = shared.SUPERVISOR
SUPERVISOR_GROUP = shared.SUPERVISOR_GROUP
Tokens = shared.Tokens

START_REQUESTS = os.environ.get("LUOSHI_START", "one")
if START_REQUESTS not in ("one", "two"):
    raise SystemExit(f"LUOSHI_START must be one or two, not {START_REQUESTS!r}")

COUNT_PATHS = {
    "count_only": "GET /api/inbox/count",
    "review_count_only": "GET /api/inbox/count?activity=reviewReport",
    "bulk_track": "POST /api/milestone-trackings/bulk",
}


class Luoshi(shared.Luoshi):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wf.paths.update(COUNT_PATHS)
        # Every person logs in once, before the measured window, as they would before their day's work: the peer has no
        # login at all, and a Keycloak password grant inside a scenario (200-400 ms each, once per user and worker)
        # made S2's p99 the logins', not the cycle's. Tokens are still refreshed inside a scenario when they expire.
        for user in dict.fromkeys([SUPERVISOR[0]] + [u for u, _ in shared.STAFF]):
            self.tokens.header(user)

    def start(self, department, due_date, business_key):
        """A new milestone on one of the department's tasks, tracked: one request, or two with LUOSHI_START=two."""
        pool = self.pools[department]
        task = pool.get()
        try:
            sup = self.tokens.header(SUPERVISOR[0])
            if START_REQUESTS == "two":
                tracked, milestone = self._start_in_two(task, due_date, business_key, sup)
            else:
                tracked = self.wf.call("track", {"taskId": task, "milestone": {"title": business_key,
                                                                               "dueDate": due_date[:10]}},
                                       headers={**sup, "Idempotency-Key": str(uuid.uuid4())})
                milestone = tracked["milestones"][0]["milestoneId"]
        finally:
            pool.put(task)
        entry = next((m for m in tracked["milestones"] if m["milestoneId"] == milestone), None)
        if entry is None or not entry["started"]:
            raise RuntimeError(f"milestone {milestone} of task {task}: no new instance in {tracked}")
        with self.started_lock:
            self.started[business_key] = task
        self._open_cache = (0.0, None)
        return entry["processInstanceId"]

    def _start_in_two(self, task, due_date, business_key, sup):
        """The earlier start: task-service adds the milestone (its id from the 201 answer), workflow-service tracks it."""
        added = self.ts.call("add_milestone", {"title": business_key, "dueDate": due_date[:10]}, headers=sup,
                             task=task)
        # before the 201 answer carried the milestone alone it was the whole task: both, to measure before/after
        milestone = added["id"] if "milestones" not in added else next(
            m["id"] for m in reversed(added["milestones"]) if m["title"] == business_key)
        # the milestone named: workflow-service tracks it alone (the task and its other milestones are not read)
        tracked = self.wf.call("track", {"taskId": task, "milestoneId": milestone}, headers=sup)
        return tracked, milestone

    def inbox_count(self, group, user):
        """`seed`: the fixture's open milestones of a department (task-service); otherwise the count-only request."""
        if user == "seed":
            return self.open_count(group)
        op = "review_count_only" if group == SUPERVISOR_GROUP else "count_only"
        return self.wf.call(op, headers=self.tokens.header(self.user_of(group)))["total"]

    def bulk_track(self, plan_id):
        """One supervisor request: track every open milestone of the plan's accepted tasks."""
        return self.wf.call("bulk_track", {"planId": plan_id}, headers=self.tokens.header(SUPERVISOR[0]))
