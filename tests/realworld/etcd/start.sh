#!/usr/bin/env bash
# Start a fresh single-node etcd (Debian 12 etcd-server) for ContractCheck, with auth enabled.
# Usage: start.sh WORKDIR   -> WORKDIR/pid, WORKDIR/base_url, WORKDIR/server.log,
#   WORKDIR/env (ETCD_TOKEN, ETCD_ROOT_PASSWORD: the rules file reads them; run.sh exports them),
#   WORKDIR/seed.before (seed/a..c as read back by readseed.sh right after seeding).
# Auth: user root (role root) with a random password, auth enabled through the v3 API, then a
# simple token from /v3/auth/authenticate. The seeded keys are written before auth is switched on.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

if [ $# -ne 1 ]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
WORKDIR=$1
mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)

if [ ! -x /usr/bin/etcd ]; then
  if ! out=$( (apt-get update && apt-get install -y --no-install-recommends etcd-server) 2>&1 ); then
    echo "cannot install: $(printf '%s\n' "$out" | grep -v '^\s*$' | tail -n 1)" >&2
    exit 77
  fi
  if [ ! -x /usr/bin/etcd ]; then
    echo "cannot install: etcd-server installed but /usr/bin/etcd is missing" >&2
    exit 77
  fi
fi

# Two free ports on 127.0.0.1 (client, peer).
read -r CLIENT_PORT PEER_PORT < <(python3 - <<'PY'
import socket
socks = []
for _ in range(2):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()
PY
)

BASE_URL="http://127.0.0.1:${CLIENT_PORT}"
DATA_DIR="$WORKDIR/etcd-data"
rm -rf "$DATA_DIR"
LOG="$WORKDIR/server.log"

setsid /usr/bin/etcd \
  --name cc-etcd \
  --data-dir "$DATA_DIR" \
  --listen-client-urls "$BASE_URL" \
  --advertise-client-urls "$BASE_URL" \
  --listen-peer-urls "http://127.0.0.1:${PEER_PORT}" \
  --initial-advertise-peer-urls "http://127.0.0.1:${PEER_PORT}" \
  --initial-cluster "cc-etcd=http://127.0.0.1:${PEER_PORT}" \
  --initial-cluster-state new \
  --initial-cluster-token "cc-etcd-$$" \
  --listen-metrics-urls "" \
  --auth-token simple --auth-token-ttl 3600 \
  </dev/null >"$LOG" 2>&1 &
PID=$!
echo "$PID" > "$WORKDIR/pid"
# Until setup is complete, any failure stops the server again (its process group) and removes the pid file.
ready=0
trap 'if [ "$ready" != 1 ]; then kill -- "-$PID" 2>/dev/null || true; rm -f "$WORKDIR/pid"; fi' EXIT
echo "$BASE_URL" > "$WORKDIR/base_url"

# Wait (at most 60 s) until the JSON gateway answers a range request.
ok=0
for _ in $(seq 1 120); do
  if ! kill -0 "$PID" 2>/dev/null; then break; fi
  if curl -fsS -m 2 -X POST "$BASE_URL/v3/kv/range" \
       -H 'Content-Type: application/json' -d '{"key":"AA=="}' >/dev/null 2>&1; then
    ok=1; break
  fi
  sleep 0.5
done
if [ "$ok" != 1 ]; then
  echo "etcd did not answer on $BASE_URL within 60 s; log tail:" >&2
  tail -n 30 "$LOG" >&2 || true
  kill -- "-$PID" 2>/dev/null || true
  exit 1
fi

# Seed keys the later check proves unchanged: seed/a=1, seed/b=2, seed/c=3.
b64() { printf '%s' "$1" | base64 -w0; }
for kv in a=1 b=2 c=3; do
  k="seed/${kv%%=*}"; v="${kv#*=}"
  curl -fsS -m 5 -X POST "$BASE_URL/v3/kv/put" -H 'Content-Type: application/json' \
    -d "{\"key\":\"$(b64 "$k")\",\"value\":\"$(b64 "$v")\"}" >/dev/null
done

post() {  # post PATH JSON [curl args...]: fail loudly (stop the server) if etcd refuses
  local path=$1 body=$2; shift 2
  if ! curl -fsS -m 5 -X POST "$BASE_URL$path" -H 'Content-Type: application/json' "$@" -d "$body"; then
    echo "etcd refused POST $path during setup; log tail:" >&2
    tail -n 20 "$LOG" >&2 || true
    exit 1
  fi
}

# Auth on: root role, root user (random password), grant, enable (the steps of dev-guide/api_grpc_gateway.md).
ROOT_PW=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
post /v3/auth/role/add '{"name":"root"}' >/dev/null
post /v3/auth/user/add "{\"name\":\"root\",\"password\":\"$ROOT_PW\"}" >/dev/null
post /v3/auth/user/grant '{"user":"root","role":"root"}' >/dev/null
post /v3/auth/enable '{}' >/dev/null
TOKEN=$(post /v3/auth/authenticate "{\"name\":\"root\",\"password\":\"$ROOT_PW\"}" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
umask 077
printf 'ETCD_TOKEN=%s\nETCD_ROOT_PASSWORD=%s\n' "$TOKEN" "$ROOT_PW" > "$WORKDIR/env"
umask 022

# What the run must leave alone, read back now (readseed.sh reads the same way after the run).
"$HERE/readseed.sh" "$WORKDIR" > "$WORKDIR/seed.before"

ready=1
echo "etcd pid $PID at $BASE_URL (auth enabled, user root; token in $WORKDIR/env)"
