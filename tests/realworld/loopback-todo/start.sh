#!/usr/bin/env bash
# Start @loopback/example-todo 6.0.0 on 127.0.0.1 for ContractCheck, from its 4 seeded todos.
# Usage: start.sh WORKDIR   -> WORKDIR/pid, WORKDIR/base_url, WORKDIR/server.log,
#   WORKDIR/seed.before (todos 1-4 as readseed.sh reads them right after the start)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

if [ $# -ne 1 ]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
WORKDIR=$1
mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)

PKG_NAME=@loopback/example-todo
PKG_VERSION=6.0.0
PREFIX="$WORKDIR/pkg"
APP="$PREFIX/node_modules/$PKG_NAME"
# The app's memory connector reads and rewrites data/db.json; this is the copy from the tarball.
PRISTINE="$PREFIX/db.pristine.json"

installed_version() {
  node -e 'try{process.stdout.write(require(process.argv[1]).version)}catch(e){}' "$APP/package.json" 2>/dev/null || true
}

if [ "$(installed_version)" != "$PKG_VERSION" ] || [ ! -f "$PRISTINE" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "cannot install: npm is not on PATH" >&2; exit 77
  fi
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  if ! out=$(npm install --no-audit --no-fund --prefix "$PREFIX" "$PKG_NAME@$PKG_VERSION" 2>&1); then
    # npm's first message line (skipping code/syscall/errno, stack frames and the log-file pointer).
    why=$(printf '%s\n' "$out" | sed -n 's/^npm \(error\|ERR!\) *//p' \
          | grep -Ev '^(code|syscall|errno) |^\s+at |^A complete log|^[{}]|^\s*$' | head -n 1 || true)
    [ -n "$why" ] || why=$(printf '%s\n' "$out" | grep -v '^\s*$' | tail -n 1)
    echo "cannot install: npm install $PKG_NAME@$PKG_VERSION failed: $why" >&2
    exit 77
  fi
  if [ "$(installed_version)" != "$PKG_VERSION" ] || [ ! -f "$APP/data/db.json" ]; then
    echo "cannot install: npm finished but $PKG_NAME@$PKG_VERSION (with data/db.json) is not in $PREFIX" >&2
    exit 77
  fi
  cp "$APP/data/db.json" "$PRISTINE"
fi

# Same seeded state every run: the 4 todos of the published data/db.json.
cp "$PRISTINE" "$APP/data/db.json"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE_URL="http://127.0.0.1:${PORT}"
LOG="$WORKDIR/server.log"

# The datasource file path ./data/db.json is relative to the working directory, so run from the package.
# setsid: own process group, so stop.sh can end the server and only it.
cd "$APP"
PORT="$PORT" HOST=127.0.0.1 setsid node . </dev/null >"$LOG" 2>&1 &
PID=$!
echo "$PID" > "$WORKDIR/pid"
echo "$BASE_URL" > "$WORKDIR/base_url"

# Wait (at most 60 s) until it serves its OpenAPI document.
ok=0
for _ in $(seq 1 120); do
  if ! kill -0 "$PID" 2>/dev/null; then break; fi
  if curl -fsS -m 2 "$BASE_URL/openapi.json" >/dev/null 2>&1; then ok=1; break; fi
  sleep 0.5
done
if [ "$ok" != 1 ]; then
  echo "$PKG_NAME did not answer on $BASE_URL within 60 s; log tail:" >&2
  tail -n 30 "$LOG" >&2 || true
  kill -TERM -- "-$PID" 2>/dev/null || true
  for _ in $(seq 1 25); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$PID" 2>/dev/null || true
  rm -f "$WORKDIR/pid"
  exit 1
fi

if ! "$HERE/readseed.sh" "$WORKDIR" > "$WORKDIR/seed.before"; then
  echo "could not read the seeded todos back from $BASE_URL" >&2
  kill -TERM -- "-$PID" 2>/dev/null || true
  rm -f "$WORKDIR/pid"
  exit 1
fi

echo "$PKG_NAME $PKG_VERSION pid $PID at $BASE_URL"
