#!/usr/bin/env bash
# Start the web server and the background-task worker together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/python manage.py db_worker --queue-name default &
pids+=($!)
if [[ -n "${DEV:-}" ]]; then
  .venv/bin/python manage.py runserver "$HOST:$PORT" &
else
  echo "EXPOO serves on http://$HOST:$PORT/ (Ctrl-C stops the server and the worker)"
  # Workers, address and scrubbed logs as in production (`make serve`): deploy/gunicorn.conf.py.
  HOST=$HOST PORT=$PORT .venv/bin/gunicorn expoo.wsgi:application --config deploy/gunicorn.conf.py &
fi
pids+=($!)
wait -n "${pids[@]}"
