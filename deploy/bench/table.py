#!/usr/bin/env python3
"""Issue 15's table (peer | Luoshi | goal) in markdown, from the JSON lines of one side-by-side.sh window.

    deploy/bench/table.py deploy/bench/results/table-20261205T193000Z.jsonl

Reads what the phases recorded: `start` (ready after the first start and after a restart, RSS 10 s after the
restart), `rounds` (S1 and S2 at C per round, S3 at S3_K open items when asked, RSS after the load) and any phase
whose S2/S3 lines carry a tag beginning with `scale` (the full cycle and the inbox at 200k open items). A row whose
lines are missing says which phase gives it. Server CPU per cycle / per start is the JVMs' CPU around the scenario's
own requests (drive.py's window, without the driver's set-up; older files: around the whole driver run). Several rounds give a range (min–max). Figures only: nothing here
decides anything, the `met` column compares with the goal for the reader's convenience.
"""
import json
import sys


def load(path):
    """The lines of one window; the driver names the peer by its adapter (`camunda`), the script by `peer`."""
    with open(path) as f:
        lines = [json.loads(line) for line in f if line.strip().startswith("{")]
    for line in lines:
        if line.get("system") == "camunda":
            line["system"] = "peer"
    return lines


def span(values, fmt="{:.1f}"):
    values = [v for v in values if v is not None]
    if not values:
        return None
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else f"{fmt.format(lo)}–{fmt.format(hi)}"


def pick(lines, system, scenario=None, tag=None, event=None):
    out = []
    for line in lines:
        if line.get("system") != system:
            continue
        if scenario and line.get("scenario") != scenario:
            continue
        if event and line.get("event") != event:
            continue
        t = line.get("tag", "")
        if tag == "scale" and not t.startswith("scale"):
            continue
        if tag == "rounds" and not t.startswith("round-"):
            continue
        if tag == "s3" and not t.startswith("s3-"):
            continue
        if tag not in (None, "scale", "rounds", "s3") and t != tag:
            continue
        out.append(line)
    return out


def cycle_text(lines):
    if not lines:
        return None
    text = f"{span([l['throughput_per_s'] for l in lines], '{:.2f}')} /s, p99 {span([l['p99_ms'] for l in lines], '{:.0f}')} ms"
    return text


def max_or_none(values):
    values = [v for v in values if v is not None]
    return max(values) if values else None


def min_or_none(values):
    values = [v for v in values if v is not None]
    return min(values) if values else None


def inbox_text(lines):
    if not lines:
        return None
    parts = []
    for name in ("inbox_c4", "count_c4"):
        stats = [l[name] for l in lines if name in l]
        if stats:
            parts.append(f"{name[:-3]} p99 {span([s['p99_ms'] for s in stats], '{:.0f}')} ms, "
                         f"{span([s['throughput_per_s'] for s in stats])} q/s")
    open_tasks = span([l.get("open_tasks") or l.get("k") for l in lines], "{:.0f}")
    return "; ".join(parts) + f" ({open_tasks} open)"


def rss_text(line):
    if not line:
        return None
    per = line.get("rss_mb_by_jvm")
    if per and len(per) > 1:
        return " + ".join(f"{v}" for v in per.values()) + " MB"
    return f"{line['rss_mb']} MB"


def last(lines):
    return lines[-1] if lines else None


def table(lines):
    rows = []
    missing = "—"

    def row(label, peer, luoshi, goal, met=None):
        mark = "" if met is None else ("yes" if met else "no")
        rows.append(f"| {label} | {peer or missing} | {luoshi or missing} | {goal} | {mark} |")

    # S2 full cycle, C=4
    p2, l2 = pick(lines, "peer", "S2", "rounds"), pick(lines, "luoshi", "S2", "rounds")
    met = None
    if p2 and l2:
        met = (min(l["throughput_per_s"] for l in l2) >= 1.5 * max(l["throughput_per_s"] for l in p2)
               and max(l["p99_ms"] for l in l2) <= min(l["p99_ms"] for l in p2))
    c = (l2 or p2 or [{}])[0].get("c", 4)
    row(f"full cycle (S2), C={c}", cycle_text(p2), cycle_text(l2), "≥ 1.5x the peer, p99 ≤ the peer's", met)

    # S1 start, C=4
    p1, l1 = pick(lines, "peer", "S1", "rounds"), pick(lines, "luoshi", "S1", "rounds")

    def start_text(ls):
        if not ls:
            return None
        return (f"{span([l['throughput_per_s'] for l in ls])} /s, p99 {span([l['p99_ms'] for l in ls], '{:.0f}')} ms "
                f"({span([l.get('requests_per_start') for l in ls], '{:g}')} requests each)")
    met = None
    if p1 and l1:
        met = min(l["throughput_per_s"] for l in l1) >= max(l["throughput_per_s"] for l in p1)
    row(f"start (S1), C={c}", start_text(p1), start_text(l1), "≥ the peer", met)

    # server CPU per cycle / per start
    def cpu_text(ls2, ls1):
        parts = []
        if ls2:
            parts.append(f"{span([l.get('server_cpu_ms_per_cycle') for l in ls2], '{:.0f}')} ms per cycle "
                         f"({span([l.get('requests_per_cycle', 8) for l in ls2], '{:g}')} requests)")
        if ls1:
            parts.append(f"{span([l.get('server_cpu_ms_per_start') for l in ls1])} ms per start")
        return "; ".join(parts) or None
    worst = max_or_none([l.get("server_cpu_ms_per_cycle") for l in l2])
    row("server CPU per full cycle (per start)", cpu_text(p2, p1), cpu_text(l2, l1), "measured and ≤ 15 ms per cycle",
        None if worst is None else worst <= 15)

    # at scale (a phase tagging its lines scale*)
    ps2, ls2 = pick(lines, "peer", "S2", "scale"), pick(lines, "luoshi", "S2", "scale")
    met = None
    if ps2 and ls2:
        met = min(l["throughput_per_s"] for l in ls2) >= 5 * max(l["throughput_per_s"] for l in ps2)
    note = None if (ps2 or ls2) else "not in this run (append `scale` to TABLE_PHASES)"
    row("full cycle with 200k open items", cycle_text(ps2) or note, cycle_text(ls2) or note, "≥ 5x the peer", met)

    # inbox list + count, C=4: at scale if measured there, else the rounds' S3
    ps3, ls3 = pick(lines, "peer", "S3", "scale"), pick(lines, "luoshi", "S3", "scale")
    label = "inbox list + count at 200k open items, C=4"
    if not (ps3 or ls3):
        ps3, ls3 = pick(lines, "peer", "S3", "s3"), pick(lines, "luoshi", "S3", "s3")
        label = "inbox list + count, C=4 (S3_K open items, not 200k)"
    worst = max_or_none([l.get(n, {}).get("p99_ms") for l in ls3 for n in ("inbox_c4", "count_c4")])
    note = None if (ps3 or ls3) else "not in this run (S3_K > 0, or `scale`)"
    row(label, inbox_text(ps3) or note, inbox_text(ls3) or note, "p99 ≤ 20 ms with real engine rows and timers",
        None if worst is None else worst <= 20)

    # ready after start: first start / restart
    def ready(system):
        out = []
        for tag in ("first-start", "restart"):
            line = last(pick(lines, system, None, tag, "start"))
            if not line:
                continue
            def cpu(key):
                return f" ({line[key]:.1f} s CPU)" if line.get(key) is not None else ""
            if system == "luoshi":
                out.append(f"{tag}: task {line['task_ready_ms'] / 1000:.1f} s{cpu('task_ready_cpu_s')}, "
                           f"workflow {line['workflow_ready_ms'] / 1000:.1f} s{cpu('workflow_ready_cpu_s')}")
            else:
                out.append(f"{tag}: {line['ready_ms'] / 1000:.1f} s{cpu('ready_cpu_s')}")
        return "; ".join(out) or None
    restart = last(pick(lines, "luoshi", None, "restart", "start"))
    met = None if not restart else restart["task_ready_ms"] <= 2000 and restart["workflow_ready_ms"] <= 4000
    row("ready after start", ready("peer"), ready("luoshi"), "≤ 2 s (task-service) / ≤ 4 s (workflow-service)", met)

    # RSS idle (10 s after the restart) / after load, per JVM
    def rss(system):
        idle, loaded = last(pick(lines, system, event="idle")), last(pick(lines, system, event="after-load"))
        if not (idle or loaded):
            return None
        return f"{rss_text(idle) or '—'} / {rss_text(loaded) or '—'}"
    idle, loaded = last(pick(lines, "luoshi", event="idle")), last(pick(lines, "luoshi", event="after-load"))
    met = None
    if idle and loaded and idle.get("rss_mb_by_jvm") and loaded.get("rss_mb_by_jvm"):
        met = (max(idle["rss_mb_by_jvm"].values()) <= 350 and max(loaded["rss_mb_by_jvm"].values()) <= 450)
    row("RSS idle / after load" + (" (task + workflow)" if idle and idle.get("rss_mb_by_jvm") else ""),
        rss("peer"), rss("luoshi"), "≤ 350 MB idle, ≤ 450 MB after load, each", met)

    head = ["| | peer | Luoshi | goal | met |", "|---|---|---|---|---|"]
    return "\n".join(head + rows)


def conditions(lines):
    loads = [l for l in lines if l.get("event") == "load"]
    opts = {(l["system"], l["java_opts"].strip()) for l in lines if l.get("event") == "start" and l.get("java_opts")}
    out = []
    if loads:
        out.append("load average (1 min) at the phases' start/end: " + ", ".join(str(l["loadavg"]) for l in loads))
    for system, o in sorted(opts):
        out.append(f"JVM flags ({system}): `{o}`")
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lines = load(sys.argv[1])
    print(table(lines))
    for line in conditions(lines):
        print(f"\n{line}")


if __name__ == "__main__":
    main()
