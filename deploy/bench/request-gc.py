"""One request of workflow-service at C=4 against a running JVM: latency, the JVM's CPU per request (/proc/PID/stat), its
young collections and their time, and the heap allocated per request (jstat: eden used + young collections x eden
capacity, approximate). Figures, never assertions; CPU and allocation per request hold on a loaded machine, latency not.

   python3 deploy/bench/request-gc.py http://127.0.0.1:8082 PID "/api/inbox?page=0&size=50" li.na 2000
"""
import json, os, subprocess, sys, threading, time, urllib.parse, urllib.request
base, pid, path, user, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
c = 4
def token(u):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "luoshi-test", "username": u, "password": "demo"}).encode()
    return json.load(urllib.request.urlopen(os.environ.get("KEYCLOAK_URL", "http://localhost:8180") + "/realms/luoshi/protocol/openid-connect/token", data))["access_token"]
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split(); return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
def gc():
    out = subprocess.run(["jstat", "-gc", pid], capture_output=True, text=True).stdout.split("\n")
    d = dict(zip(out[0].split(), out[1].split())); return float(d["EC"]), float(d["EU"]), int(d["YGC"]), float(d["YGCT"])
h = {"Authorization": "Bearer " + token(user)}
get = lambda: urllib.request.urlopen(urllib.request.Request(base + path, headers=h)).read()
for _ in range(200): get()
lat, lock = [], threading.Lock()
def w():
    mine = []
    for _ in range(n // c):
        t = time.perf_counter(); get(); mine.append((time.perf_counter() - t) * 1000)
    with lock: lat.extend(mine)
ec0, eu0, y0, yt0 = gc(); c0 = cpu(); t0 = time.perf_counter()
ts = [threading.Thread(target=w) for _ in range(c)]; [t.start() for t in ts]; [t.join() for t in ts]
wall = time.perf_counter() - t0; c1 = cpu(); ec1, eu1, y1, yt1 = gc()
lat.sort(); k = len(lat)
alloc_kb = ((y1 - y0) * ec1 + eu1 - eu0) / k
print(json.dumps({"path": path, "user": user, "n": k, "per_s": round(k / wall, 1), "p50": round(lat[k // 2], 1),
    "p99": round(lat[int(k * .99)], 1), "cpu_ms_per_req": round((c1 - c0) * 1000 / k, 2), "young_gcs": y1 - y0,
    "young_gc_ms": round((yt1 - yt0) * 1000), "alloc_kb_per_req": round(alloc_kb, 1), "load": os.getloadavg()[0]}))
