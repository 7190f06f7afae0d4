#!/usr/bin/env bash
# Start a fresh Prometheus Alertmanager (Debian 12 package) for ContractCheck.
# Usage: start.sh WORKDIR
# Writes WORKDIR/pid, WORKDIR/base_url (http://127.0.0.1:PORT/api/v2 — the spec's basePath is
# /api/v2/ and ContractCheck keeps a path prefix of --base-url), WORKDIR/server.log,
# WORKDIR/seeded_silence_id and WORKDIR/seeded_silence.json (the silence as read back after creation),
# WORKDIR/seed.before (the same, as readseed.sh prints it), WORKDIR/disposable_silence_id (a second
# silence made for the run to delete: operations.deleteSilence.params) and WORKDIR/env
# (AM_SEEDED_SILENCE_ID, AM_DISPOSABLE_SILENCE_ID: the rules file reads them; run.sh exports them).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

if [[ $# -ne 1 ]]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
WORKDIR=$(mkdir -p "$1" && cd "$1" && pwd)
BIN=/usr/bin/prometheus-alertmanager

if [[ ! -x $BIN ]]; then
  deb=$(ls /tmp/debs/prometheus-alertmanager_*.deb 2>/dev/null | head -n1 || true)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus-alertmanager; } >"$WORKDIR/install.log" 2>&1; then
    if [[ -z $deb ]] || ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb" >>"$WORKDIR/install.log" 2>&1; then
      echo "cannot install: apt-get install prometheus-alertmanager failed (see $WORKDIR/install.log: $(tail -n1 "$WORKDIR/install.log"))" >&2
      exit 77
    fi
  fi
  if [[ ! -x $BIN ]]; then echo "cannot install: $BIN still missing after apt-get install" >&2; exit 77; fi
fi

# a free port on 127.0.0.1 (bind port 0, read it, release it)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT/api/v2"

mkdir -p "$WORKDIR/data"
cat >"$WORKDIR/alertmanager.yml" <<'YML'
route:
  receiver: default
receivers:
  - name: default
YML

# own session and process group; clustering off (empty --cluster.listen-address)
setsid "$BIN" \
  --config.file="$WORKDIR/alertmanager.yml" \
  --storage.path="$WORKDIR/data" \
  --web.listen-address="127.0.0.1:$PORT" \
  --cluster.listen-address= \
  --log.level=info \
  >"$WORKDIR/server.log" 2>&1 </dev/null &
PID=$!
echo "$PID" >"$WORKDIR/pid"
# Until setup is complete, any failure stops the server again (its process group) and removes the pid file.
started=0
trap 'if [[ $started != 1 ]]; then kill -- -"$PID" 2>/dev/null || true; rm -f "$WORKDIR/pid"; fi' EXIT
echo "$BASE" >"$WORKDIR/base_url"

ready=0
for _ in $(seq 1 120); do   # 120 × 0.5 s = 60 s at most
  if ! kill -0 "$PID" 2>/dev/null; then break; fi
  if curl -fsS -m 2 -o /dev/null "$BASE/status" 2>/dev/null; then ready=1; break; fi
  sleep 0.5
done
if [[ $ready -ne 1 ]]; then
  echo "alertmanager did not answer $BASE/status within 60 s; server.log tail:" >&2
  tail -n 30 "$WORKDIR/server.log" >&2 || true
  exit 1
fi

# seed one silence of our own (ends in 30 days), so a later check can prove the run left it alone
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
end=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%S.000Z)
resp=$(curl -fsS -m 5 -X POST "$BASE/silences" -H 'Content-Type: application/json' \
  -d "{\"matchers\":[{\"name\":\"seeded\",\"value\":\"by-start-sh\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"$now\",\"endsAt\":\"$end\",\"createdBy\":\"start.sh\",\"comment\":\"seeded by tests/realworld/alertmanager/start.sh; must stay unchanged\"}")
sid=$(printf '%s' "$resp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["silenceID"])')
echo "$sid" >"$WORKDIR/seeded_silence_id"
curl -fsS -m 5 "$BASE/silence/$sid" >"$WORKDIR/seeded_silence.json"
"$HERE/readseed.sh" "$WORKDIR" >"$WORKDIR/seed.before"

# a second silence, not seed data: the one the rules name for the run's DELETE (it only expires it)
resp=$(curl -fsS -m 5 -X POST "$BASE/silences" -H 'Content-Type: application/json' \
  -d "{\"matchers\":[{\"name\":\"disposable\",\"value\":\"for-contractcheck\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"$now\",\"endsAt\":\"$end\",\"createdBy\":\"start.sh\",\"comment\":\"made by tests/realworld/alertmanager/start.sh for ContractCheck's DELETE\"}")
did=$(printf '%s' "$resp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["silenceID"])')
echo "$did" >"$WORKDIR/disposable_silence_id"
printf 'AM_SEEDED_SILENCE_ID=%s\nAM_DISPOSABLE_SILENCE_ID=%s\n' "$sid" "$did" >"$WORKDIR/env"

started=1
echo "alertmanager pid $PID at $BASE, seeded silence $sid, disposable silence $did"
