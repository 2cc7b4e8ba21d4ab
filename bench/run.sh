#!/usr/bin/env bash
# The practice database benchmark (see bench/README.md): SQLite, then PostgreSQL 15 through
# scripts/with_postgres.sh, each at 1,000 and 10,000 practices; then one table of both.
# BENCH_SIZES=1000,10000  BENCH_ARGS="--budget 2.5"  BENCH_KEEP=1 keeps the result directory.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp -d /tmp/expoo-bench.XXXXXX)
chmod 755 "$OUT"
if [[ -z "${BENCH_KEEP:-}" ]]; then trap 'rm -rf "$OUT"' EXIT; fi
SIZES=${BENCH_SIZES:-1000,10000}
ARGS=(--sizes "$SIZES" ${BENCH_ARGS:-})

env -u DATABASE_URL BENCH_DIR="$OUT/sqlite" \
  .venv/bin/python -m bench.practices_bench --engine sqlite --json "$OUT/sqlite.json" "${ARGS[@]}"
BENCH_DIR="$OUT/postgresql" scripts/with_postgres.sh \
  .venv/bin/python -m bench.practices_bench --engine postgresql --json "$OUT/postgresql.json" "${ARGS[@]}"

echo
.venv/bin/python -m bench.report "$OUT/sqlite.json" "$OUT/postgresql.json" | tee "$OUT/report.md"
if [[ -n "${BENCH_KEEP:-}" ]]; then echo "Results kept in $OUT"; fi
