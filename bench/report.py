"""Print the results of practices_bench runs (one JSON per engine) as Markdown tables.

.venv/bin/python -m bench.report sqlite.json postgres.json
"""

import json
import sys

AIMS = {"databank_q_facets": 50.0, "practice": 20.0}  # p95 in ms, from the issue
GROUP_TITLES = {
    "site": "The site as it is",
    "analyzed": "The site after ANALYZE (SQLite has no planner statistics unless told)",
}


def main(paths):
    runs = []
    for path in paths:
        with open(path) as f:
            runs.append(json.load(f))
    print("## Data and indexing\n")
    print(
        "| engine | practices | public | published | sections | text MB | build s | update_index s | index queries | facet index ms | load avg |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for run in runs:
        for size in run["sizes"]:
            st, ix = size["stats"], size["index"] or {}
            fib = size.get("facet_index_build_s")
            print(
                f"| {run['engine']} | {st['practices']:,} | {st['public']:,} | {st['published']:,} | {st['sections']:,} | {st['text_mb']} "
                f"| {size['build']['seconds']:.1f} | {ix.get('seconds', 0):.1f} | {ix.get('queries', 0):,} "
                f"| {fib * 1000:.0f} | {' '.join(f'{x:.1f}' for x in size['load'])} |"
                if fib is not None
                else f"| {run['engine']} | {st['practices']:,} | {st['public']:,} | {st['published']:,} | {st['sections']:,} | {st['text_mb']} "
                f"| {size['build']['seconds']:.1f} | {ix.get('seconds', 0):.1f} | {ix.get('queries', 0):,} | – | {' '.join(f'{x:.1f}' for x in size['load'])} |"
            )
    groups = [g for g in GROUP_TITLES if any(g in s["groups"] for r in runs for s in r["sizes"])]
    for group in groups:
        print(f"\n## {GROUP_TITLES[group]}\n")
        print("| page | engine | practices | n | median ms | p95 ms | × bare (median) | queries | SQL ms | KB |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        names = []
        for run in runs:
            for size in run["sizes"]:
                for row in size["groups"].get(group, []):
                    if row["name"] not in names:
                        names.append(row["name"])
        for name in names:
            for run in runs:
                for size in run["sizes"]:
                    rows = size["groups"].get(group, [])
                    row = next((r for r in rows if r["name"] == name), None)
                    if row is None:
                        continue
                    bare = next(r for r in rows if r["name"] == "bare")
                    aim = AIMS.get(name)
                    flag = "" if aim is None else (" ✅" if row["p95"] < aim else " ❌")
                    print(
                        f"| {name} | {run['engine']} | {size['size']:,} | {row['n']} | {row['median']:.1f} | {row['p95']:.1f}{flag} "
                        f"| {row['median'] / bare['median']:,.0f} | {row['queries']} | {row['sql_ms']:.0f} | {row['bytes'] / 1024:.0f} |"
                    )
    print("\n## Query counts: do they grow with the data?\n")
    for run in runs:
        sizes = run["sizes"]
        if len(sizes) < 2:
            continue
        first, last = sizes[0], sizes[-1]
        changes = []
        for group, rows in last["groups"].items():
            for row in rows:
                before = next((r for r in first["groups"].get(group, []) if r["name"] == row["name"]), None)
                if before and before["queries"] != row["queries"]:
                    changes.append(f"{row['name']} {before['queries']}→{row['queries']}")
        print(
            f"- {run['engine']}: "
            + (
                "; ".join(changes)
                if changes
                else f"same count at {first['size']:,} and {last['size']:,} practices for every page"
            )
        )
    print(f"\nAims (p95): {', '.join(f'{k} < {v:.0f} ms' for k, v in AIMS.items())}; ✅/❌ against them.")


if __name__ == "__main__":
    main(sys.argv[1:])
