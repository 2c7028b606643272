# Sourced by scripts/test-wasm and scripts/test-npm: starts the stand-in API for tests.
#
#   start_standin LOG_DIR
#
# builds and starts `devserver --port 0 --faults --quiet` with a fresh token, waits for its
# address, stops it when the calling script exits, and exports
#   STANDIN_URL         http://127.0.0.1:PORT
#   STANDIN_TOKEN       the token it accepts
#   STANDIN_CLOSED_URL  http://127.0.0.1:PORT of a port nothing listens on ("server not running")

start_standin() {
  local log_dir=$1
  mkdir -p "$log_dir"
  cargo build -p devserver
  local token="test-$RANDOM$RANDOM$RANDOM"
  # Created here, not by the background job's redirection, which may come after the first read.
  : > "$log_dir/standin.out"
  "${CARGO_TARGET_DIR:-target}/debug/devserver" --port 0 --faults --quiet --token "$token" \
    > "$log_dir/standin.out" 2> "$log_dir/standin.err" &
  STANDIN_PID=$!
  trap 'kill "$STANDIN_PID" 2>/dev/null || true' EXIT
  local url=""
  for _ in $(seq 100); do
    url=$(sed -n 's/^devserver: listening on \(http:.*\)$/\1/p' "$log_dir/standin.out")
    [ -n "$url" ] && break
    kill -0 "$STANDIN_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "FAIL: the stand-in did not start (log: $log_dir/standin.err)" >&2
    cat "$log_dir/standin.err" >&2
    exit 1
  fi
  # Bound, then let go: nothing listens there afterwards.
  local closed
  closed=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
  export STANDIN_URL="$url" STANDIN_TOKEN="$token" STANDIN_CLOSED_URL="http://127.0.0.1:$closed"
  echo "stand-in at $STANDIN_URL (pid $STANDIN_PID); closed port $closed"
}

# Empties the stand-in's accounts, faults and counts.
reset_standin() {
  node -e 'fetch(process.argv[1] + "/__reset", { method: "POST", headers: { Authorization: "Bearer " + process.argv[2] } }).then((r) => process.exit(r.status === 204 ? 0 : 1), () => process.exit(1))' "$STANDIN_URL" "$STANDIN_TOKEN" \
    || { echo "FAIL: cannot reset the stand-in at $STANDIN_URL" >&2; exit 1; }
}
