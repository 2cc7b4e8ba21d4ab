#!/usr/bin/env bash
# Run a command with a throw-away S3-compatible server (moto, from requirements-dev.txt) on loopback.
# Exports AWS_S3_ENDPOINT_URL and test credentials, but not AWS_STORAGE_BUCKET_NAME: the suite keeps
# local media, and the S3 tests (core/tests/test_scaleout.py) switch the storage on for themselves.
set -euo pipefail
MOTO=${MOTO_SERVER:-$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/moto_server}
PORT=${S3_PORT_TEST:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
LOG=$(mktemp /tmp/expoo-s3.XXXXXX.log)
PID=""

cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -f "$LOG"
}
trap cleanup EXIT

"$MOTO" -H 127.0.0.1 -p "$PORT" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 150); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=0.5)" 2>/dev/null; then
    break
  fi
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.1
done
export AWS_S3_ENDPOINT_URL="http://127.0.0.1:$PORT"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_S3_REGION_NAME=us-east-1 AWS_DEFAULT_REGION=us-east-1
echo "S3 stand-in (moto) on 127.0.0.1:$PORT for: $*"
"$@"
