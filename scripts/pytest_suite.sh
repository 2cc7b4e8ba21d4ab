#!/usr/bin/env bash
# The suite (browser tests aside) in two xdist processes, and at the same time, in a third process with
# a database of its own, the tests marked `flushes` (they empty their database when they end, so they
# cannot share one). Their output follows the main run's; the exit status is the worse of the two.
# Extra arguments (test paths) go to both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp /tmp/expoo-flushes.XXXXXX)
trap 'rm -f "$log"' EXIT

.venv/bin/pytest -m flushes -p no:cacheprovider "$@" >"$log" 2>&1 &
flushes=$!
status=0
.venv/bin/pytest -m "not e2e and not flushes" -n 2 -p no:cacheprovider "$@" || status=$?
flushes_status=0
wait "$flushes" || flushes_status=$?
echo "--- tests that empty their database (run alongside) ---"
cat "$log"
# pytest exits 5 when a selection holds no test (a path list without a `flushes` test).
if [[ $flushes_status -eq 5 ]]; then flushes_status=0; fi
if [[ $status -ne 0 ]]; then exit "$status"; fi
exit "$flushes_status"
