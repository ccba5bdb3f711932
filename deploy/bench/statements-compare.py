"""Two `side-by-side.sh s2-statements` runs side by side, statement by statement: calls per cycle, mean time and
shared blocks hit per call in each, largest growth first. What costs more per call on the larger database is what grows
with the number of open items.

  python3 deploy/bench/statements-compare.py RESULTS.jsonl TAG_A TAG_B      (tags as recorded: s2-statements-<STMT_TAG>)
"""
import json
import sys


def runs(path, tag):
    cycles, by_db = None, {}
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            if row.get("tag") != tag:
                continue
            if row.get("cycles"):
                cycles = row["cycles"]
            if row.get("event") == "statements":
                by_db[row["db"]] = {s["query"]: s for s in row["top"] or []}
    return cycles, by_db


def main():
    path, tag_a, tag_b = sys.argv[1:4]
    (ca, a), (cb, b) = runs(path, tag_a), runs(path, tag_b)
    for db in sorted(set(a) | set(b)):
        print(f"## {db}: {tag_a} ({ca} cycles) -> {tag_b} ({cb} cycles)")
        print("| calls/cycle | mean ms | blocks hit/call | total ms/cycle | statement |")
        print("|---|---|---|---|---|")
        rows = []
        for q in set(a.get(db, {})) | set(b.get(db, {})):
            x, y = a.get(db, {}).get(q), b.get(db, {}).get(q)
            grow = (y["total_ms"] / cb if y else 0) - (x["total_ms"] / ca if x else 0)
            rows.append((grow, q, x, y))
        for grow, q, x, y in sorted(rows, key=lambda r: -r[0])[:25]:
            def pair(k, per=None):
                v = [(s[k] / n if per else s[k]) if s else None for s, n in ((x, ca), (y, cb))]
                return " → ".join("–" if e is None else f"{e:.2f}" for e in v)
            print(f"| {pair('calls', True)} | {pair('mean_ms')} | {pair('hit_per_call')} | {pair('total_ms', True)} "
                  f"| `{q[:160]}` |")
        print()


if __name__ == "__main__":
    main()
