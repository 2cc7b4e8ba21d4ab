"""Profile one page against an existing benchmark database (pyinstrument, not a project dependency).

    .venv/bin/pip install pyinstrument
    BENCH_DIR=/tmp/x .venv/bin/python -m bench.profile "/praktijken/?q=ouders&niveau=well_described" [-n 20]

Runs the request a few times to warm up, then n times under the profiler, and prints the call
tree (wall time) followed by the SQL of one request, slowest first.
"""

import argparse
import os

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.practices_bench import Server  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("-n", type=int, default=10)
    parser.add_argument("--sql", type=int, default=8, help="how many of the slowest queries to print")
    args = parser.parse_args()
    path, _, query = args.url.partition("?")
    server = Server()
    for _ in range(3):
        server.get(path, query)

    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(args.n):
            server.get(path, query)
    print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_ALL"))))

    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        server.get(path, query)
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    print(f"{len(queries)} queries, {sum(float(q['time']) for q in queries) * 1000:.1f} ms in execute()")
    for q in queries[: args.sql]:
        print(f"{float(q['time']) * 1000:8.1f} ms  {q['sql'][:700]}")


if __name__ == "__main__":
    main()
