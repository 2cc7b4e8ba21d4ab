"""Search quality over the demo data: nDCG@10 and recall@10 of the site search (Dutch analysis)
next to the plain full-text search of the same engine over the same raw text.

    .venv/bin/python -m bench.search_quality                       # SQLite, in a temporary directory
    scripts/with_postgres.sh .venv/bin/python -m bench.search_quality   # PostgreSQL 15
    ... --verbose                                                  # every query, both top fives

The judged queries are in bench/search_quality/queries.yaml. The plain baseline: FTS5's default
tokenizer (unicode61) over title and text on SQLite; to_tsvector('simple', ...) on PostgreSQL; every
word must match; the same title weight and ranking function as the site search. Only the kinds the
queries are judged on take part (a kind joins as soon as one judgment names it).
"""

import argparse
import math
import os
import statistics
import sys
import time
from collections import defaultdict
from io import StringIO
from pathlib import Path

QUERIES = Path(__file__).parent / "search_quality" / "queries.yaml"
K = 10


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    # Load as `make run` does: the demo first (no indexing per save), then one rebuild.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        call_command("load_demo", stdout=StringIO())
    started = time.monotonic()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    return time.monotonic() - started, out.getvalue().strip()


def slugs() -> dict:
    """(kind, object id) -> 'kind/slug' for every registered kind whose objects have a slug."""
    from django.core.exceptions import FieldError

    from sitesearch import registry

    out = {}
    for kind in registry.kinds():
        try:
            rows = list(kind.queryset().model.objects.values_list("pk", "slug"))
        except FieldError:  # a kind without slugs cannot be judged here
            continue
        for pk, slug in rows:
            out[kind.name, pk] = f"{kind.name}/{slug}"
    return out


class Plain:
    """The engine's own full-text search over the raw title and text, no Dutch analysis."""

    def __init__(self):
        from django.db import connection

        from sitesearch.engine import PG_WEIGHTS, TITLE_WEIGHT

        self.connection, self.vendor = connection, connection.vendor
        self.title_weight, self.pg_weights = TITLE_WEIGHT, PG_WEIGHTS
        with connection.cursor() as c:
            if self.vendor == "sqlite":
                c.execute("DROP TABLE IF EXISTS bench_plain")
                c.execute("CREATE VIRTUAL TABLE bench_plain USING fts5(title, text)")
                c.execute("INSERT INTO bench_plain (rowid, title, text) SELECT id, title, text FROM sitesearch_searchdocument")
            else:
                c.execute("DROP TABLE IF EXISTS bench_plain")
                c.execute(
                    "CREATE TABLE bench_plain AS SELECT id, setweight(to_tsvector('simple', title), 'A') || "
                    "setweight(to_tsvector('simple', text), 'B') AS vector FROM sitesearch_searchdocument"
                )
                c.execute("CREATE INDEX ON bench_plain USING gin (vector)")
            c.execute("SELECT id, kind, object_id FROM sitesearch_searchdocument")
            self.documents = {row[0]: (row[1], row[2]) for row in c.fetchall()}

    def search(self, query: str, kinds) -> list[tuple]:
        import re

        from core.search import clean_query

        words = re.findall(r"\w+", clean_query(query))
        if not words:
            return []
        with self.connection.cursor() as c:
            if self.vendor == "sqlite":
                match = " ".join(f'"{w}"' for w in words)
                c.execute(
                    f"SELECT rowid FROM bench_plain WHERE bench_plain MATCH %s ORDER BY bm25(bench_plain, {self.title_weight}, 1.0) LIMIT 200",
                    [match],
                )
            else:
                c.execute(
                    f"SELECT id FROM bench_plain, plainto_tsquery('simple', %s) q WHERE vector @@ q "
                    f"ORDER BY ts_rank_cd('{self.pg_weights}', vector, q, 1) DESC LIMIT 200",
                    [" ".join(words)],
                )
            found = [self.documents[row[0]] for row in c.fetchall()]
        return [doc for doc in found if doc[0] in kinds][:K]


def ours(query: str, kinds=None) -> list[tuple]:
    from sitesearch import search

    return [(hit.kind, hit.object.pk) for hit in search(query, kinds=kinds, per_page=K).hits]


def ndcg(ranked: list[str], grades: dict) -> float:
    dcg = sum((2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:K]))
    ideal = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(grades.values(), reverse=True)[:K]))
    return dcg / ideal if ideal else 0.0


def recall(ranked: list[str], grades: dict) -> float:
    return len(set(ranked[:K]) & set(grades)) / len(grades) if grades else 0.0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", default=str(QUERIES))
    parser.add_argument("--verbose", action="store_true", help="print every query with both top fives")
    args = parser.parse_args(argv)

    import yaml

    build_seconds, build_summary = setup()
    from django.db import connection

    queries = yaml.safe_load(Path(args.queries).read_text(encoding="utf-8"))["queries"]
    names = slugs()
    plain = Plain()
    known = set(names.values())
    missing = sorted({doc for q in queries for doc in q["relevant"] if doc not in known})
    if missing:
        sys.exit(f"Judged documents not in the demo data: {', '.join(missing)}")

    # Only the kinds the queries are judged on compete (publications and dossiers join once judged).
    kinds = sorted({doc.split("/")[0] for q in queries for doc in q["relevant"]})
    rows, timings = [], []
    ours("opvoeding")  # warm the vocabulary
    for q in queries:
        started = time.perf_counter()
        mine = [names.get(hit, str(hit)) for hit in ours(q["q"], kinds)]
        timings.append(time.perf_counter() - started)
        base = [names.get(hit, str(hit)) for hit in plain.search(q["q"], kinds)]
        grades = q["relevant"]
        rows.append(
            {
                "q": q["q"],
                "tags": q.get("tags", []),
                "ours": (ndcg(mine, grades), recall(mine, grades)),
                "plain": (ndcg(base, grades), recall(base, grades)),
                "top": (mine[:5], base[:5]),
            }
        )

    engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    print(f"# Search quality on {engine}: {len(rows)} judged queries over the demo data, @{K}, kinds: {', '.join(kinds)}")
    print(f"Index rebuilt in {build_seconds:.2f} s ({build_summary})")
    print(f"Site search: median {statistics.median(timings) * 1000:.1f} ms per query (max {max(timings) * 1000:.1f} ms)\n")
    if args.verbose:
        for r in rows:
            print(
                f"- {r['q']!r} {r['tags']}: ours nDCG {r['ours'][0]:.2f} R {r['ours'][1]:.2f} | plain nDCG {r['plain'][0]:.2f} R {r['plain'][1]:.2f}"
            )
            print(f"    ours:  {', '.join(r['top'][0]) or '-'}")
            print(f"    plain: {', '.join(r['top'][1]) or '-'}")
        print()

    def line(label, subset):
        mean = lambda key, i: sum(r[key][i] for r in subset) / len(subset)  # noqa: E731
        return (
            f"| {label} | {len(subset)} | {mean('ours', 0):.3f} | {mean('plain', 0):.3f} | "
            f"{mean('ours', 1):.3f} | {mean('plain', 1):.3f} |"
        )

    print("| queries | n | nDCG@10 site search | nDCG@10 plain | recall@10 site search | recall@10 plain |")
    print("|---|---|---|---|---|---|")
    print(line("all", rows))
    by_tag = defaultdict(list)
    for r in rows:
        for tag in r["tags"]:
            by_tag[tag].append(r)
    for tag in sorted(by_tag):
        print(line(tag, by_tag[tag]))


if __name__ == "__main__":
    main()
