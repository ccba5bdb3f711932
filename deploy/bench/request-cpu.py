"""Server CPU per request, each Luoshi JVM read from /proc/<pid>/stat (utime + stime), on running bench services.

  request-cpu.py loops N       the cycle's repeatable requests, N times each over one keep-alive connection (C=1):
                               the driver's finished check (GET /api/tasks?department=…), PUT /api/milestones/{m}/tracking
                               and POST /api/milestone-trackings repeated (a milestone added and tracked first), the staff
                               inbox and the supervisor's review list
  request-cpu.py keepalive N R one cheap GET per service, N on one keep-alive connection, then N each on a new connection
                               (`Connection: close`), alternated R times in the same JVM: what a new connection costs

Environment as side-by-side.sh's (KEYCLOAK_URL, TASK_PORT, WF_PORT, PEER_DIR; WORKFLOW_CLIENT_SECRET for the service
account, demo value by default); the JVMs' pids from the bench state (.cache/bench-state/<service>.pid). Tokens and
users are the shared driver's (luoshi_adapter). One JSON line per measurement.
"""
import http.client
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PEER_DIR = os.environ.get("PEER_DIR", os.path.join(os.path.dirname(REPO), "shared", "bench", "camunda-rest"))
sys.path[:0] = [HERE, os.path.join(os.path.dirname(PEER_DIR), "load")]
import luoshi_adapter  # noqa: E402  (the shared driver's Tokens)

TICK = os.sysconf("SC_CLK_TCK")
STATE = os.path.join(os.environ.get("LUOSHI_CACHE", os.path.join(REPO, ".cache")), "bench-state")
PIDS = {name: open(os.path.join(STATE, f"{name}.pid")).read().strip() for name in ("task-service", "workflow-service")}
TASK_PORT, WF_PORT = int(os.environ["TASK_PORT"]), int(os.environ["WF_PORT"])
tokens = luoshi_adapter.shared.Tokens(os.environ.get("KEYCLOAK_URL", "http://localhost:8180") + "/realms/luoshi", "demo")


def cpu_s(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def call(conn, method, path, headers, body=None):
    headers = dict(headers)
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn.request(method, path, data, headers)
    resp = conn.getresponse()
    raw = resp.read()
    if resp.status >= 300:
        raise RuntimeError(f"{method} {path}: {resp.status} {raw[:300]!r}")
    return json.loads(raw) if raw else None


def loops(n):
    sup, staff = tokens.header("chen.jing"), tokens.header("liu.yang")
    service = tokens.service_header("luoshi-workflow", os.environ.get("WORKFLOW_CLIENT_SECRET", "demo-only-workflow-secret"))
    task, wf = http.client.HTTPConnection("127.0.0.1", TASK_PORT), http.client.HTTPConnection("127.0.0.1", WF_PORT)
    listing = "/api/tasks?department=chaoyang&departmentRole=lead&page=0&size=500"
    t = next(x for x in call(task, "GET", listing, sup)["items"] if x["status"] == "ACCEPTED")
    m = call(task, "POST", f"/api/tasks/{t['id']}/milestones", sup, {"title": "request-cpu", "dueDate": "2027-06-30"})
    tracking = {"taskId": t["id"], "milestoneId": m["id"]}
    call(wf, "POST", "/api/milestone-trackings", sup, tracking)
    cases = [
        ("task GET /api/tasks?department=… (the driver's finished check)", task, "GET", listing, sup, None),
        ("task PUT /api/milestones/{m}/tracking (repeat)", task, "PUT", f"/api/milestones/{m['id']}/tracking", service,
         {"taskId": t["id"]}),
        ("workflow POST /api/milestone-trackings (repeat)", wf, "POST", "/api/milestone-trackings", sup, tracking),
        ("workflow GET /api/inbox (staff)", wf, "GET", "/api/inbox?page=0&size=50", staff, None),
        ("workflow GET /api/inbox?activity=reviewReport (supervisor)", wf, "GET",
         "/api/inbox?activity=reviewReport&page=0&size=50", sup, None),
    ]
    for name, conn, method, path, headers, body in cases:
        for _ in range(20):
            call(conn, method, path, headers, body)
        before = {s: cpu_s(p) for s, p in PIDS.items()}
        t0 = time.perf_counter()
        for _ in range(n):
            call(conn, method, path, headers, body)
        print(json.dumps({"request": name, "n": n, "load": round(os.getloadavg()[0], 1),
                          "cpu_ms_per_request": {s: round((cpu_s(p) - before[s]) * 1000 / n, 2) for s, p in PIDS.items()},
                          "wall_ms_per_request": round((time.perf_counter() - t0) * 1000 / n, 2)}), flush=True)


def keepalive(n, rounds):
    sup = tokens.header("chen.jing")
    for service, port, path in (("workflow-service", WF_PORT, "/api/inbox?activity=reviewReport&page=0&size=50"),
                                ("task-service", TASK_PORT, "/api/departments")):
        def kept():
            conn = http.client.HTTPConnection("127.0.0.1", port)
            for _ in range(n):
                call(conn, "GET", path, sup)
            conn.close()

        def fresh():
            for _ in range(n):
                conn = http.client.HTTPConnection("127.0.0.1", port)
                call(conn, "GET", path, {**sup, "Connection": "close"})
                conn.close()

        runs = {"keep-alive": [], "new connection": []}
        kept(), fresh()  # warm both paths
        for _ in range(rounds):
            for mode, run in (("keep-alive", kept), ("new connection", fresh)):
                before = cpu_s(PIDS[service])
                run()
                runs[mode].append((cpu_s(PIDS[service]) - before) * 1000 / n)
        print(json.dumps({"service": service, "request": "GET " + path, "n": n, "rounds": rounds,
                          "load": round(os.getloadavg()[0], 1),
                          **{mode: {"median_cpu_ms": round(statistics.median(v), 2), "runs": [round(x, 2) for x in v]}
                             for mode, v in runs.items()}}), flush=True)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "loops":
        loops(int(sys.argv[2]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "keepalive":
        keepalive(int(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)
