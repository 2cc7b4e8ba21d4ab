"""Server time of the databank and a practice page at two dataset sizes, next to a bare view.

    BENCH_DIR=/tmp/x .venv/bin/python -m bench.practices_bench --engine sqlite --sizes 1000,10000

Every request goes through Django's WSGI handler in this process (all middleware, template
rendering, response close and the request_finished signal), the same way for the bare view and
for the pages, so the ratio to the bare view is the cost of the page itself. No network, no
web server: "server time" is what a WSGI worker spends inside Django.

For each page: warm-up requests, then requests until MAX_N or the time budget is reached (at
least MIN_N), giving median and p95; then one more request under CaptureQueriesContext for the
number of SQL queries, their summed time and the slowest ones. The database is built first with
bench.dataset (bulk inserts, then Wagtail's update_index, timed).
"""

import argparse
import io
import json
import os
import statistics
import sys
import time

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench import dataset  # noqa: E402
from practices.models import Practice  # noqa: E402
from practices.workflow import Level  # noqa: E402


def forget_searches():
    """Empty what a process keeps of earlier searches: the matches and the ranking of a query."""
    from practices.facets import FacetIndex
    from sitesearch import listing

    FacetIndex.current().forget_masks()
    listing.forget()


def scenarios(engine: str) -> dict[str, list[tuple]]:
    """Pages per group: (name, path or paths, query string[, before each request]); a list of
    paths is cycled through."""
    facets = f"thema={dataset.FACET_THEME}&doelgroep={dataset.FACET_TARGET_GROUP}&niveau={Level.WELL_DESCRIBED}"
    slugs = list(Practice.objects.published().order_by("pk").values_list("slug", flat=True)[::37][:60])
    practice_paths = [f"/praktijken/{slug}/" for slug in slugs]
    pages = [
        ("bare", "/bench/bare/", ""),
        ("databank_facets", "/praktijken/", facets),
        ("databank_rare", "/praktijken/", f"q={dataset.RARE_WORD}"),
        ("databank_q", "/praktijken/", f"q={dataset.COMMON_WORD}"),
        ("databank_q_facets", "/praktijken/", f"q={dataset.COMMON_WORD}&{facets}"),
        # The same as the first search for the word since the last change: nothing cached.
        ("databank_q_facets_first", "/praktijken/", f"q={dataset.COMMON_WORD}&{facets}", forget_searches),
        ("practice", practice_paths, ""),
        # The first view after a change: the body rendered and cached again.
        ("practice_cold", practice_paths, "", cache.clear),
    ]
    groups = {"site": pages}
    if engine == "sqlite":
        groups["analyzed"] = pages  # the site again once the planner has statistics (make run does ANALYZE)
    return groups


def analyze():
    """Give the query planner statistics. PostgreSQL's autovacuum does this by itself a while after
    a bulk load (so the PostgreSQL figures are taken after it); SQLite never does unless told."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


class Server:
    """Calls Django's WSGI application directly, as a WSGI server would."""

    def __init__(self):
        self.app = WSGIHandler()

    def get(self, path, query=""):
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "HTTP_ACCEPT_LANGUAGE": "nl-BE,nl;q=0.9",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        status = []
        started = time.perf_counter()
        result = self.app(environ, lambda s, headers, exc_info=None: status.append(s))
        body = b"".join(result)
        result.close()  # request_finished: connections are closed or kept as in production
        elapsed = time.perf_counter() - started
        if not status or not status[0].startswith("200"):
            raise RuntimeError(f"GET {path}?{query} gave {status}: {body[:300]!r}")
        return elapsed, body


def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


SLOW = 2.0  # seconds: a page this slow is requested once (timed, queries counted), not n times


def measure(server, name, paths, query, budget, min_n, max_n, before=None):
    paths = paths if isinstance(paths, list) else [paths]
    before = before or (lambda: None)

    def counted(path):
        reset_queries()  # request_started resets the log too; start from zero so the slice is right
        with CaptureQueriesContext(connection) as captured:
            elapsed, body = server.get(path, query)
        return elapsed, body, [(float(q["time"]) * 1000, q["sql"]) for q in captured.captured_queries]

    # The first request warms up (templates compiled, caches filled); a page slower than SLOW is
    # not requested again: that request is its only sample and its queries are the ones counted.
    before()
    first, body, sql = counted(paths[0])
    times = []
    if first >= SLOW:
        times.append(first * 1000)
    else:
        for path in paths[1:]:  # every page once: warm caches, as a visited site has them
            before()
            server.get(path, query)
        started = time.perf_counter()
        while len(times) < max_n and (len(times) < min_n or time.perf_counter() - started < budget):
            before()
            elapsed, _ = server.get(paths[len(times) % len(paths)], query)
            times.append(elapsed * 1000)
        before()
        _, body, sql = counted(paths[0])
    return {
        "name": name,
        "n": len(times),
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "queries": len(sql),
        "sql_ms": sum(t for t, _ in sql),
        "slowest": [(round(t, 2), s[:400]) for t, s in sorted(sql, reverse=True)[:3]],
        "bytes": len(body),
    }


def forget_statistics():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
        for (table,) in cursor.fetchall():
            cursor.execute(f"DELETE FROM {table}")
    connection.close()  # statistics are read when a connection loads the schema


def print_rows(rows):
    bare = next(r for r in rows if r["name"] == "bare")
    print(
        f"\n  {'page':26} {'n':>4} {'median ms':>10} {'p95 ms':>9} {'×bare med':>10} {'×bare p95':>10} {'queries':>8} {'SQL ms':>8} {'KB':>6}"
    )
    for r in rows:
        print(
            f"  {r['name']:26} {r['n']:>4} {r['median']:>10.2f} {r['p95']:>9.2f} {r['median'] / bare['median']:>10.0f}"
            f" {r['p95'] / bare['p95']:>10.0f} {r['queries']:>8} {r['sql_ms']:>8.1f} {r['bytes'] / 1024:>6.0f}"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default=connection.vendor)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--budget", type=float, default=2.5, help="seconds per page and size")
    parser.add_argument("--min-n", type=int, default=10)
    parser.add_argument("--max-n", type=int, default=300)
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--only", help="comma-separated page names")
    parser.add_argument("--reindex", action="store_true", help="rebuild the index even if nothing was added")
    args = parser.parse_args()

    from practices.facets import FacetIndex

    print(f"== {args.engine} ({connection.settings_dict['ENGINE']}, {connection.settings_dict['NAME']})", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"  migrate: {time.perf_counter() - started:.1f} s", flush=True)
    server = Server()
    results = {"engine": args.engine, "sizes": []}
    for size in [int(s) for s in args.sizes.split(",")]:
        print(f"\n-- {size} practices", flush=True)
        build = dataset.build(size)
        indexing = dataset.index() if build["built"] or args.reindex else None
        stats = dataset.stats()
        print(f"  {stats}", flush=True)
        entry = {"size": size, "build": build, "index": indexing, "stats": stats, "groups": {}, "load": os.getloadavg()}
        if connection.vendor == "postgresql":
            entry["analyze_s"] = analyze()  # what autovacuum does after a bulk load
        FacetIndex.forget()
        index = FacetIndex.current()
        entry["facet_index_build_s"] = index.build_seconds
        print(f"  facet index of {index.size} public practices built in {index.build_seconds * 1000:.0f} ms", flush=True)
        for group, pages in scenarios(connection.vendor).items():
            if group == "analyzed":
                if connection.vendor != "sqlite":
                    continue
                entry["analyze_s"] = analyze()
                print(f"  ANALYZE: {entry['analyze_s']:.2f} s", flush=True)
            rows = []
            for name, paths, query, *before in pages:
                if args.only and name not in args.only.split(",") and name != "bare":
                    continue
                rows.append(measure(server, name, paths, query, args.budget, args.min_n, args.max_n, *before))
                r = rows[-1]
                print(
                    f"  [{group}] {name}: median {r['median']:.2f} ms, p95 {r['p95']:.2f} ms (n={r['n']}), {r['queries']} queries",
                    flush=True,
                )
            if rows:
                print_rows(rows)
            entry["groups"][group] = rows
        if connection.vendor == "sqlite" and "analyzed" in entry["groups"]:
            forget_statistics()  # the next size is measured "as it is" again, without statistics
        entry["load_after"] = os.getloadavg()
        results["sizes"].append(entry)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    print(f"\n  total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
