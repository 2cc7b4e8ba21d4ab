#!/usr/bin/env bash
# Run a command against a throw-away Redis server on loopback (no persistence), in a temporary
# directory: REDIS_URL is exported for the command; the server is stopped and removed afterwards.
set -euo pipefail
REDIS_SERVER=${REDIS_SERVER:-$(command -v redis-server || echo /usr/bin/redis-server)}
PORT=${REDIS_PORT_TEST:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
DIR=$(mktemp -d /tmp/expoo-redis.XXXXXX)
PID=""

cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT

"$REDIS_SERVER" --bind 127.0.0.1 --port "$PORT" --dir "$DIR" --save "" --appendonly no \
  --protected-mode yes --daemonize no --logfile "$DIR/redis.log" &
PID=$!
for _ in $(seq 100); do
  if python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$PORT),0.2); s.sendall(b'PING\r\n'); sys.exit(0 if s.recv(16).startswith(b'+PONG') else 1)" 2>/dev/null; then
    break
  fi
  kill -0 "$PID" 2>/dev/null || { cat "$DIR/redis.log" >&2; exit 1; }
  sleep 0.1
done
export REDIS_URL="redis://127.0.0.1:$PORT/0"
echo "Redis on 127.0.0.1:$PORT for: $*"
"$@"
