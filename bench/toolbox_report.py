"""Print the results of toolbox_bench runs (one JSON per engine) as Markdown tables.

.venv/bin/python -m bench.toolbox_report toolbox-sqlite.json toolbox-postgresql.json
"""

import json
import sys

AIM_P95_MS, AIM_RATIO, AIM_INDEX_S = 50, 3, 300


def main(paths):
    runs = [json.load(open(p)) for p in paths]  # noqa: SIM115 - tiny files, read once
    print("## Toolbox and site search: 100,000 publications and 10,000 practices\n")
    print(
        "| engine | publications | with the word | index publications s | index other kinds s | facet index s "
        "| worker s for the word | load avg |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for run in runs:
        index = run.get("index_publications_s")
        flag = "" if index is None else (" ✅" if index < AIM_INDEX_S else " ❌")
        print(
            f"| {run['engine']} | {run['publications']:,} | {run['common_word_publications']:,} "
            f"| {'' if index is None else f'{index:.0f}{flag}'} | {run.get('index_others_s', 0):.0f} "
            f"| {run['facet_index_build_s']:.2f} | {run.get('warm_compute_s', 0):.2f} "
            f"| {' '.join(f'{x:.1f}' for x in run['load'])} |"
        )
    print(f"\nAim: p95 under {AIM_P95_MS} ms and within {AIM_RATIO}× the bare query's p95; indexing under {AIM_INDEX_S} s.")
    print(
        "`*_first`: the first search for the word in a process, with the answers the worker keeps for frequent words; "
        "`*_changed`: the first search right after a change, before the worker has run (the engine answers).\n"
    )
    print("| page | engine | n | median ms | p95 ms | bare query | bare median / p95 ms | × bare (p95) | queries |")
    print("|---|---|---:|---:|---:|---|---:|---:|---:|")
    for run in runs:
        bare = {b["name"]: b for b in run["bare"]}
        compare_to = run.get("compare_to", {"toolbox_facets": "bare_facets"})
        for page in run["pages"]:
            name = page["name"]
            if name == "bare":
                continue
            b = bare[compare_to.get(name, "bare_word")]
            ratio = page["p95"] / b["p95"]
            ok = "✅" if page["p95"] < AIM_P95_MS and ratio <= AIM_RATIO else "❌"
            print(
                f"| {name} | {run['engine']} | {page['n']} | {page['median']:.1f} | {page['p95']:.1f} {ok} | {b['name']} "
                f"| {b['median']:.1f} / {b['p95']:.1f} | {ratio:.1f} | {page['queries']} |"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
