"""Issue 4's benchmark: the Toolbox and the site search over 100,000 publications and 10,000
practices, next to the bare full-text query of the same engine run directly in SQL.

    BENCH_DIR=/tmp/x .venv/bin/python -m bench.toolbox_bench --engine sqlite [--publications 100000]

Pages are requested through Django's WSGI handler in this process, like bench.practices_bench
(same warm-up, sampling, median and p95). The bare queries run on the same connection, the same
data and in the same run:

- `bare_word`: the engine's own ranked full-text query for the one word, top 20, nothing else
  (FTS5 with bm25 on SQLite; the GIN-indexed tsvector with ts_rank_cd on PostgreSQL);
- `bare_word_facets`: the same, restricted to publications of one type and one theme (the two
  facets) by a plain EXISTS on the publications table;
- `bare_facets`: the plain SQL of a page of publications of one type and one theme, newest first.

Each page is compared with the bare query that answers the same question (COMPARE_TO). Pages
named `*_first` empty the process's search caches before every request: the first search for the
word in a process, which reads the answers the task worker keeps for frequent words
(sitesearch/warm.py). Pages named `*_changed` also move the publications' search stamp before
every request: the first search after a change, before the worker has run, answered by the engine.

The one word (bench.toolbox_dataset.COMMON_WORD) is in a third of the publications.
"""

import argparse
import json
import os
import statistics
import time

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bench import dataset, toolbox_dataset  # noqa: E402
from bench.practices_bench import Server, analyze, measure, percentile  # noqa: E402
from core import versions  # noqa: E402
from core.models import Theme  # noqa: E402
from sitesearch import listing, registry, warm  # noqa: E402
from sitesearch.engine import PG_WEIGHTS, TITLE_WEIGHT  # noqa: E402
from sitesearch.indexing import rebuild  # noqa: E402
from sitesearch.models import WarmAnswer  # noqa: E402
from sitesearch.tasks import warm_answers  # noqa: E402
from toolbox.facets import PublicationIndex  # noqa: E402
from toolbox.models import PublicationType  # noqa: E402

WORD = toolbox_dataset.COMMON_WORD
TYPE = PublicationType.REPORT


def bare_queries(theme_id: int) -> dict[str, tuple[str, list]]:
    code = registry.get("publication").code
    # A publication of the type with the theme: the two facets, as plain SQL on the publications.
    facet_filter = (
        "p.live AND p.publication_type = %s AND EXISTS "
        "(SELECT 1 FROM toolbox_publication_themes t WHERE t.publication_id = p.id AND t.theme_id = %s)"
    )
    if connection.vendor == "sqlite":
        match = "FROM sitesearch_fts WHERE sitesearch_fts MATCH %s AND (rowid & 31) = %s"
        rank = f"bm25(sitesearch_fts, {TITLE_WEIGHT}, 1.0)"
        word = (f"SELECT rowid {match} ORDER BY {rank} LIMIT 20", [WORD, code])
        word_facets = (
            # sitesearch_fts.rowid: inside the subquery a bare "rowid" would be the publication's.
            f"SELECT rowid {match} AND EXISTS (SELECT 1 FROM toolbox_publication p WHERE p.id = (sitesearch_fts.rowid >> 5) "
            f"AND {facet_filter}) ORDER BY {rank} LIMIT 20",
            [WORD, code, TYPE, theme_id],
        )
    else:
        match = (
            "FROM sitesearch_searchdocument d CROSS JOIN to_tsquery('simple', %s) q "
            "WHERE d.search_vector @@ q AND (d.id & 31) = %s"
        )
        rank = f"ts_rank_cd('{PG_WEIGHTS}', d.search_vector, q, 1) DESC"
        word = (f"SELECT d.id {match} ORDER BY {rank} LIMIT 20", [WORD, code])
        word_facets = (
            f"SELECT d.id {match} AND EXISTS (SELECT 1 FROM toolbox_publication p WHERE p.id = (d.id >> 5) "
            f"AND {facet_filter}) ORDER BY {rank} LIMIT 20",
            [WORD, code, TYPE, theme_id],
        )
    facets = (
        f"SELECT p.id FROM toolbox_publication p WHERE {facet_filter} "
        "ORDER BY p.year DESC, p.first_published_at DESC, p.id LIMIT 20",
        [TYPE, theme_id],
    )
    return {"bare_word": word, "bare_word_facets": word_facets, "bare_facets": facets}


# Which bare query each page is compared with (the report uses the same table).
COMPARE_TO = {
    "toolbox_facets": "bare_facets",
    "toolbox_word": "bare_word",
    "toolbox_word_first": "bare_word",
    "toolbox_word_facets": "bare_word_facets",
    "toolbox_word_facets_first": "bare_word_facets",
    "search_word": "bare_word",
    "search_word_first": "bare_word",
    "toolbox_word_changed": "bare_word",
    "toolbox_word_facets_changed": "bare_word_facets",
    "search_word_changed": "bare_word",
}


def forget():
    """Empty what a process keeps of earlier searches: the matches and the ranking of a query, and
    what it read of the answers the worker keeps for frequent words (sitesearch.warm), which it
    then reads from the database again."""
    PublicationIndex.current().forget_masks()
    listing.forget()


def change():
    """A change of the publications' search documents that the worker has not caught up with yet:
    their stamp moves, so the kept answers are stale and the engine answers, as after a publish."""
    with transaction.atomic():
        versions.bump(registry.documents_stamp("publication"))
    forget()


def warm_the_word(server):
    """As in production: a visitor's search notes the frequent word (with the immediate task
    backend of these settings, the worker's task runs at once), then the worker's run after a
    change computes its answers."""
    server.get("/zoeken/", f"q={WORD}")
    warm_answers.call()
    started = time.perf_counter()
    warm.compute(WORD)  # once more, timed: the worker's cost for this word after every change
    seconds = time.perf_counter() - started
    answer = WarmAnswer.objects.get(term=WORD)
    return {kind: n for kind, n in answer.counts.items() if n}, seconds


def measure_sql(name, sql, params, budget, min_n, max_n):
    times = []
    with connection.cursor() as cursor:
        for _ in range(3):
            cursor.execute(sql, params)
            cursor.fetchall()
        started = time.perf_counter()
        while len(times) < max_n and (len(times) < min_n or time.perf_counter() - started < budget):
            t = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            times.append((time.perf_counter() - t) * 1000)
    return {
        "name": name,
        "n": len(times),
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "queries": 1,
        "sql_ms": 0,
        "bytes": 0,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default=connection.vendor)
    parser.add_argument("--publications", type=int, default=100_000)
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--budget", type=float, default=2.5)
    parser.add_argument("--min-n", type=int, default=10)
    parser.add_argument("--max-n", type=int, default=300)
    parser.add_argument("--json")
    parser.add_argument("--reindex", action="store_true")
    args = parser.parse_args()

    print(f"== {args.engine} ({connection.settings_dict['NAME']})", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    built_practices = dataset.build(args.practices)
    built = toolbox_dataset.build_publications(args.publications)
    versions.bump(PublicationIndex.STAMP)  # bulk_create sends no signals
    print(f"  {built['publications']:,} publications, {built['common_word_publications']:,} with '{WORD}'", flush=True)
    entry = {"engine": args.engine, "publications": built["publications"], "practices": args.practices, "load": os.getloadavg()}
    entry["common_word_publications"] = built["common_word_publications"]
    if built["created"] or built_practices["built"] or args.reindex:
        entry["index_publications_s"] = toolbox_dataset.index_publications()
        print(f"  site search index of the publications rebuilt in {entry['index_publications_s']:.1f} s", flush=True)
        t = time.perf_counter()
        rebuild([k for k in registry.names() if k != "publication"])
        entry["index_others_s"] = time.perf_counter() - t
        print(f"  the other kinds in {entry['index_others_s']:.1f} s", flush=True)
    entry["analyze_s"] = analyze()
    PublicationIndex.forget()
    index = PublicationIndex.current()
    entry["facet_index_build_s"] = index.build_seconds
    print(f"  facet index of {index.size:,} publications built in {index.build_seconds:.2f} s", flush=True)

    theme = Theme.objects.get(slug=dataset.FACET_THEME)
    facets = f"type={TYPE}&thema={theme.slug}"
    pages = [
        ("bare", "/bench/bare/", ""),
        ("toolbox_facets", "/toolbox/", facets),
        ("toolbox_word", "/toolbox/", f"q={WORD}"),
        ("toolbox_word_facets", "/toolbox/", f"q={WORD}&{facets}"),
        # The same, as the first search for the word in a process: nothing of it in memory; the
        # answers the worker keeps for frequent words are read from the database.
        ("toolbox_word_first", "/toolbox/", f"q={WORD}", forget),
        ("toolbox_word_facets_first", "/toolbox/", f"q={WORD}&{facets}", forget),
        ("search_word", "/zoeken/", f"q={WORD}"),
        ("search_word_first", "/zoeken/", f"q={WORD}", forget),
        # The first search right after a change, before the worker has computed the word again:
        # the engine finds and ranks every match (what every first search cost without the worker).
        ("toolbox_word_changed", "/toolbox/", f"q={WORD}", change),
        ("toolbox_word_facets_changed", "/toolbox/", f"q={WORD}&{facets}", change),
        ("search_word_changed", "/zoeken/", f"q={WORD}", change),
    ]
    server = Server()
    entry["warm_counts"], entry["warm_compute_s"] = warm_the_word(server)
    print(
        f"  answers for '{WORD}' computed by the worker in {entry['warm_compute_s']:.2f} s: {entry['warm_counts']}",
        flush=True,
    )
    rows = []
    for name, path, query, *before in pages:
        rows.append(measure(server, name, path, query, args.budget, args.min_n, args.max_n, *before))
        r = rows[-1]
        print(f"  {name}: median {r['median']:.2f} ms, p95 {r['p95']:.2f} ms (n={r['n']}), {r['queries']} queries", flush=True)
    bare = {}
    for name, (sql, params) in bare_queries(theme.pk).items():
        bare[name] = measure_sql(name, sql, params, args.budget, args.min_n, args.max_n)
        r = bare[name]
        print(f"  {name}: median {r['median']:.2f} ms, p95 {r['p95']:.2f} ms (n={r['n']})", flush=True)
    print(
        f"\n  {'page':22} {'n':>4} {'median ms':>10} {'p95 ms':>8} {'bare query':>12} {'bare p95':>9} {'× bare p95':>10} {'queries':>8}"
    )
    for r in rows:
        b = bare.get(COMPARE_TO.get(r["name"], ""))
        ratio = f"{r['p95'] / b['p95']:.1f}" if b else ""
        print(
            f"  {r['name']:22} {r['n']:>4} {r['median']:>10.1f} {r['p95']:>8.1f} {b['name'] if b else '':>12}"
            f" {b['p95'] if b else 0:>9.1f} {ratio:>10} {r['queries']:>8}"
        )
    entry["pages"], entry["bare"], entry["compare_to"] = rows, list(bare.values()), COMPARE_TO
    if args.json:
        with open(args.json, "w") as f:
            json.dump(entry, f, indent=1)
    print(f"\n  total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
