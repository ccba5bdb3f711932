"""The bulk paths of a national deployment, measured: milestones added to a plan's tasks in bulk through task-service
(POST /api/plans/{id}/milestones, up to 5000 a request), then one supervisor request per plan,
POST /api/milestone-trackings/bulk, which starts 节点填报与审核 (instance, reminder timer, registry row, inbox item) for
every open milestone of the plan's accepted tasks. Prints one JSON line; side-by-side.sh adds the server CPU.

  python3 bulk_start.py --base … --task-base … --keycloak … --plans 2 --per-task 4   (side-by-side.sh bulk: new plans)
  python3 bulk_start.py --base … --task-base … --keycloak … --scale 200000          (side-by-side.sh scale: the fixture's
                                                                                     plans topped up to 200,000 open items)

Both are idempotent: the milestones are named and dated deterministically, so a second run adds and starts nothing
(an item equal to a milestone its task has is not added again; a tracked milestone is not started again).
"""
import argparse
import datetime
import json
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

from luoshi_adapter import SUPERVISOR, Luoshi, shared

PATHS = {"add_milestones": "POST /api/plans/{plan}/milestones"}
PER_REQUEST = 5000  # task-service's limit per bulk request


def items_for(tasks, count, prefix):
    """`count` milestones spread round-robin over the tasks, each title and due date fixed by its position."""
    today = datetime.date.today()
    items = []
    for k in range(count):
        task = tasks[k % len(tasks)]
        title = f"{prefix}-{k // len(tasks)}"
        due = today + datetime.timedelta(days=30 + zlib.crc32(f"{task['id']}:{title}".encode()) % 335)
        items.append({"taskId": task["id"], "title": title, "dueDate": due.isoformat()})
    return items


def add_in_bulk(api, plan_items, workers):
    """Every plan's items, PER_REQUEST a request, `workers` requests at once; returns (added, present, seconds)."""
    sup = api.tokens.header(SUPERVISOR[0])
    requests = [(plan, items[i:i + PER_REQUEST]) for plan, items in plan_items for i in range(0, len(items), PER_REQUEST)]

    def send(request):
        plan, chunk = request
        return api.ts.call("add_milestones", {"items": chunk}, headers=sup, plan=plan)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(send, requests))
    return sum(a["added"] for a in answers), sum(a["alreadyPresent"] for a in answers), time.perf_counter() - t0


def track_in_bulk(api, plans, workers):
    """One bulk-tracking request per plan, `workers` at once; returns (started, already tracked, seconds)."""
    sup = api.tokens.header(SUPERVISOR[0])
    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(lambda p: api.wf.call("bulk_track", {"planId": p["id"]}, headers=sup), plans))
    return sum(a["started"] for a in answers), sum(a["alreadyTracked"] for a in answers), time.perf_counter() - t0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--task-base", required=True)
    p.add_argument("--keycloak", required=True)
    p.add_argument("--plans", type=int, default=2, help="new plans to create and track (after the fixture's)")
    p.add_argument("--per-task", type=int, default=4, help="new milestones per accepted task")
    p.add_argument("--scale", type=int, help="instead: top the fixture's plans up to this many open milestones, tracked")
    p.add_argument("--workers", type=int, default=2, help="bulk requests at once")
    p.add_argument("--plan-doc", required=True)
    p.add_argument("--tag", default="bulk")
    p.add_argument("--prefix", default="scale",
                   help="--scale: the new milestones' title prefix (titles are idempotent: another prefix tops up again)")
    args = p.parse_args()

    api = Luoshi(args.base, args.task_base, args.keycloak, load_fixture=False)
    api.ts.paths.update(PATHS)
    api.ts.timeout = api.wf.timeout = 3600  # a plan's bulk start at 200k items takes minutes, not seconds
    if not args.scale:
        existing = len(api._bench_plans())
        api.setup(existing + args.plans, args.plan_doc)  # the fixture's idempotent set-up makes the new plans
    plans = api._bench_plans() if args.scale else api._bench_plans()[existing:]
    tasks_of = {plan["id"]: api._tasks_of_plan(plan["id"]) for plan in plans}
    tasks = [t for ts in tasks_of.values() for t in ts]
    open_before = sum(1 for t in tasks for m in t["milestones"] if m["status"] != "DONE")
    if args.scale:
        # on the departments S3 measures (dept-NN), as the driver seeds the peer's: the departments of S2's cycles
        # (cycle-NN) keep their inbox short, so that a cycle's item is on the first page as on the peer
        ordered = sorted(tasks, key=lambda t: t["id"])  # the fixture's order of departments (shared adapter)
        syn = {t["id"]: shared.SYNTHETIC[j % len(shared.SYNTHETIC)] for j, t in enumerate(ordered)}
        eligible = {plan_id: [t for t in ts if not syn[t["id"]].startswith("cycle-")] for plan_id, ts in tasks_of.items()}
        per_task = max(0, args.scale - open_before) / max(1, sum(len(ts) for ts in eligible.values()))
        plan_items = [(plan_id, items_for(ts, round(per_task * len(ts)), args.prefix)) for plan_id, ts in eligible.items()]
    else:
        plan_items = [(plan_id, items_for(ts, len(ts) * args.per_task, "bulk")) for plan_id, ts in tasks_of.items()]
    added, present, seeding_s = add_in_bulk(api, plan_items, args.workers)
    started, already, bulk_s = track_in_bulk(api, plans, args.workers)
    retry_started, _, _ = track_in_bulk(api, plans, args.workers)
    rate = started / bulk_s if bulk_s and started else None
    print(json.dumps({
        "scenario": "scale" if args.scale else "bulk", "tag": args.tag, "plans": len(plans), "tasks": len(tasks),
        "open_before": open_before, "milestones_added": added, "milestones_present": present,
        "seeding_s": round(seeding_s, 2), "milestones_per_s": round(added / seeding_s, 1) if added else None,
        "started": started, "already_tracked": already, "bulk_s": round(bulk_s, 2),
        "instances_per_s": round(rate, 1) if rate else None, "retry_started": retry_started,
        "open_items": started + already,
        "minutes_for_200k_at_this_rate": round(200000 / rate / 60, 1) if rate else None}))


if __name__ == "__main__":
    main()
