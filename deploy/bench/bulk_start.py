"""The bulk start of a national deployment, measured: new plans (copies of the seed plan, as the fixture makes them),
PER_TASK new milestones on each of their accepted tasks through task-service's API, then one supervisor request per
plan, POST /api/milestone-trackings/bulk, which starts 节点填报与审核 for all of them. Prints one JSON line: milestones
started, wall time of the bulk requests and their rate; side-by-side.sh adds the server CPU.

  python3 bulk_start.py --base … --task-base … --keycloak … --plans 2 --per-task 4   (run by side-by-side.sh bulk)

Run a second time on the same plans it starts nothing (every milestone is tracked already) and says so.
"""
import argparse
import datetime
import json
import random
import time
from concurrent.futures import ThreadPoolExecutor

from luoshi_adapter import SUPERVISOR, Luoshi, shared


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--task-base", required=True)
    p.add_argument("--keycloak", required=True)
    p.add_argument("--plans", type=int, default=2, help="new plans to create and track (after the fixture's)")
    p.add_argument("--per-task", type=int, default=4, help="new milestones per accepted task")
    p.add_argument("--plan-doc", required=True)
    p.add_argument("--tag", default="bulk")
    args = p.parse_args()

    api = Luoshi(args.base, args.task_base, args.keycloak, load_fixture=False)
    existing = len(api._bench_plans())
    api.setup(existing + args.plans, args.plan_doc)  # the fixture's idempotent set-up makes the new plans
    plans = api._bench_plans()[existing:]
    sup = api.tokens.header(SUPERVISOR[0])
    tasks = [t for plan in plans for t in api._tasks_of_plan(plan["id"])]

    def add(task_id):
        for k in range(args.per_task):
            due = datetime.date.today() + datetime.timedelta(days=random.randint(30, 365))
            api.ts.call("add_milestone", {"title": f"bulk-{task_id}-{k}", "dueDate": due.isoformat()},
                        headers=api.tokens.header(SUPERVISOR[0]), task=task_id)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(add, [t["id"] for t in tasks]))
    seeding_s = time.perf_counter() - t0

    results, t0 = [], time.perf_counter()
    for plan in plans:
        results.append(api.wf.call("bulk_track", {"planId": plan["id"]}, headers=sup))
    bulk_s = time.perf_counter() - t0
    again = [api.wf.call("bulk_track", {"planId": plan["id"]}, headers=sup) for plan in plans]
    started = sum(r["started"] for r in results)
    print(json.dumps({"scenario": "bulk", "tag": args.tag, "plans": len(plans), "tasks": len(tasks),
                      "milestones_added": len(tasks) * args.per_task, "seeding_s": round(seeding_s, 2),
                      "started": started, "already_tracked": sum(r["alreadyTracked"] for r in results),
                      "bulk_s": round(bulk_s, 2), "instances_per_s": round(started / bulk_s, 1) if bulk_s else None,
                      "retry_started": sum(r["started"] for r in again),
                      "minutes_for_200k_at_this_rate": round(200000 / (started / bulk_s) / 60, 1) if started else None}))


if __name__ == "__main__":
    main()
