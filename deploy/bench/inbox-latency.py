"""The inbox's requests at concurrency C against a running workflow-service, with the JVM's CPU per request.

   python3 deploy/bench/inbox-latency.py --base http://127.0.0.1:8082 --keycloak http://localhost:8180 --pid PID

Prints one JSON line per request: /api/ladder as chen.jing (no SQL: JWT check + HTTP + JSON alone, the baseline),
li.na's GET /api/inbox?page=0&size=50 (我的待办) and GET /api/inbox/count, chen.jing's 填报审核 list
(activity=reviewReport). Each: `warm` unmeasured requests, then C threads × n; p50/p95/p99/max in ms, and
server_cpu_ms_per_request from /proc/PID/stat (utime + stime of the workflow-service JVM) when --pid is given: on a
shared machine latency measures the run queue, CPU per request the service. Figures, never assertions.
"""
import argparse, json, os, threading, time, urllib.parse, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--base", default="http://127.0.0.1:8082")
p.add_argument("--keycloak", default="http://localhost:8180")
p.add_argument("--pid", help="the workflow-service JVM's pid, for its CPU time")
p.add_argument("--c", type=int, default=4)
p.add_argument("--n", type=int, default=150, help="requests per thread")
p.add_argument("--warm", type=int, default=30)
args = p.parse_args()


def token(user):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "luoshi-test", "username": user,
                                   "password": "demo"}).encode()
    url = args.keycloak + "/realms/luoshi/protocol/openid-connect/token"
    return json.load(urllib.request.urlopen(url, data))["access_token"]


def cpu_s():
    if not args.pid:
        return 0.0
    fields = open(f"/proc/{args.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def get(path, headers):
    return urllib.request.urlopen(urllib.request.Request(args.base + path, headers=headers)).read()


def run(path, tok):
    headers = {"Authorization": "Bearer " + tok}
    for _ in range(args.warm):
        get(path, headers)
    latencies, lock, size = [], threading.Lock(), [0]

    def worker():
        mine = []
        for _ in range(args.n):
            t0 = time.perf_counter()
            size[0] = len(get(path, headers))
            mine.append((time.perf_counter() - t0) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(args.c)]
    c0, t0 = cpu_s(), time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall, cpu = time.perf_counter() - t0, cpu_s() - c0
    latencies.sort()
    n = len(latencies)
    line = {"path": path, "c": args.c, "n": n, "per_s": round(n / wall, 1), "p50": round(latencies[n // 2], 1),
            "p95": round(latencies[int(n * .95)], 1), "p99": round(latencies[int(n * .99)], 1),
            "max": round(latencies[-1], 1), "bytes": size[0], "load": round(os.getloadavg()[0], 1)}
    if args.pid:
        line["server_cpu_ms_per_request"] = round(cpu * 1000 / n, 2)
    print(json.dumps(line), flush=True)


staff, supervisor = token("li.na"), token("chen.jing")
run("/api/ladder", supervisor)
run("/api/inbox?page=0&size=50", staff)
run("/api/inbox/count", staff)
run("/api/inbox?activity=reviewReport&page=0&size=50", supervisor)
