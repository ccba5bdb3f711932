"""The shared driver (peerload.py) with the server CPU read around each scenario's own work, not its set-up.

side-by-side.sh runs the driver through this module. The driver's adapter does its set-up before a scenario's first
request: Luoshi's lists every fixture task with its milestones (all pages of GET /api/tasks?planId=…), which grows
with every start the database has seen and was counted in "CPU per start" when the CPU was read around the whole
process. Here the CPU of the JVMs named by BENCH_SERVER_PIDS (comma-separated; /proc/<pid>/stat, user + system) is
read when the scenario's first parallel run begins and again when its line is printed, and the line carries
`server_cpu_s` for that window only (`server_cpu_window` says so). S1's window is its starts; S2's is its cycles and
the wait for the asynchronous tail (the driver's "finished" polls included); S3's the seeding and the queries.
Without BENCH_SERVER_PIDS the driver runs unchanged.
"""
import os
import sys

import peerload

PIDS = [p for p in os.environ.get("BENCH_SERVER_PIDS", "").split(",") if p]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def server_cpu_s():
    total = 0
    for pid in PIDS:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of stat(5), after "pid (comm) "
    return total / CLOCK_TICKS


_window = {}
_run_parallel, _emit = peerload.run_parallel, peerload.emit


def run_parallel(*args, **kwargs):
    _window.setdefault("from", server_cpu_s())
    return _run_parallel(*args, **kwargs)


def emit(line, *args, **kwargs):
    if PIDS and "from" in _window:
        line = {**line, "server_cpu_s": round(server_cpu_s() - _window.pop("from"), 2),
                "server_cpu_window": "scenario"}
    return _emit(line, *args, **kwargs)


peerload.run_parallel, peerload.emit = run_parallel, emit

if __name__ == "__main__":
    sys.exit(peerload.main())
