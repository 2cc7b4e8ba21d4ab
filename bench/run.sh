#!/usr/bin/env bash
# The benchmarks (see bench/README.md): SQLite, then PostgreSQL 15 through scripts/with_postgres.sh.
# On each engine: the practice database at 1,000 and 10,000 practices, then the Toolbox and the
# site search with 100,000 publications added to those 10,000 practices, then the whole-site load
# (bench/site_load.py: the same data plus events, organisations and accounts, gunicorn + locust);
# then the tables.
# BENCH_SIZES=1000,10000  BENCH_ARGS="--budget 2.5"  BENCH_KEEP=1 keeps the result directory.
# `bench/run.sh site` (make bench-site): only the whole-site load, in kept directories under var/.
# SITE_LOAD_SCALE=small: the whole-site load at 1,000 practices with short phases (a quick check).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "site" ]]; then
  SCALE=${SITE_LOAD_SCALE:-full}
  env -u DATABASE_URL BENCH_DIR="$PWD/var/bench-site-$SCALE-sqlite" .venv/bin/python -m bench.site_load --engine sqlite
  BENCH_DIR="$PWD/var/bench-site-$SCALE-postgresql" scripts/with_postgres.sh \
    .venv/bin/python -m bench.site_load --engine postgresql
  exit 0
fi
OUT=$(mktemp -d /tmp/expoo-bench.XXXXXX)
chmod 755 "$OUT"
if [[ -z "${BENCH_KEEP:-}" ]]; then trap 'rm -rf "$OUT"' EXIT; fi
SIZES=${BENCH_SIZES:-1000,10000}
ARGS=(--sizes "$SIZES" ${BENCH_ARGS:-})

TOOLBOX=(--publications "${BENCH_PUBLICATIONS:-100000}" --practices "${SIZES##*,}" ${BENCH_ARGS:-})

env -u DATABASE_URL BENCH_DIR="$OUT/sqlite" \
  .venv/bin/python -m bench.practices_bench --engine sqlite --json "$OUT/sqlite.json" "${ARGS[@]}"
env -u DATABASE_URL BENCH_DIR="$OUT/sqlite" \
  .venv/bin/python -m bench.toolbox_bench --engine sqlite --json "$OUT/toolbox-sqlite.json" "${TOOLBOX[@]}"
# The whole-site load on the same data; one set of collected static files for both engines.
SITE=(--json "$OUT/site-load-ENGINE.json" --markdown "$OUT/site-load-ENGINE.md")
env -u DATABASE_URL BENCH_DIR="$OUT/sqlite" STATIC_ROOT="$OUT/static" \
  .venv/bin/python -m bench.site_load --engine sqlite "${SITE[@]/ENGINE/sqlite}"
BENCH_DIR="$OUT/postgresql" STATIC_ROOT="$OUT/static" OUT="$OUT" SIZES="$SIZES" scripts/with_postgres.sh bash -c '
  .venv/bin/python -m bench.practices_bench --engine postgresql --json "$OUT/postgresql.json" --sizes "$SIZES" ${BENCH_ARGS:-} &&
  .venv/bin/python -m bench.toolbox_bench --engine postgresql --json "$OUT/toolbox-postgresql.json" \
    --publications "${BENCH_PUBLICATIONS:-100000}" --practices "${SIZES##*,}" ${BENCH_ARGS:-} &&
  .venv/bin/python -m bench.site_load --engine postgresql --json "$OUT/site-load-postgresql.json" \
    --markdown "$OUT/site-load-postgresql.md"'

echo
{
  .venv/bin/python -m bench.report "$OUT/sqlite.json" "$OUT/postgresql.json"
  echo
  .venv/bin/python -m bench.toolbox_report "$OUT/toolbox-sqlite.json" "$OUT/toolbox-postgresql.json"
  echo
  cat "$OUT/site-load-sqlite.md"
  echo
  cat "$OUT/site-load-postgresql.md"
} | tee "$OUT/report.md"
if [[ -n "${BENCH_KEEP:-}" ]]; then echo "Results kept in $OUT"; fi
