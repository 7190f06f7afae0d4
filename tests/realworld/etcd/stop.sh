#!/usr/bin/env bash
# Stop the etcd started by start.sh WORKDIR (its process group only).
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
PIDFILE="$1/pid"
[ -f "$PIDFILE" ] || exit 0
PID=$(cat "$PIDFILE")
[[ "$PID" =~ ^[0-9]+$ ]] || { echo "bad pid file $PIDFILE" >&2; exit 1; }
if ! kill -0 "$PID" 2>/dev/null; then rm -f "$PIDFILE"; exit 0; fi
kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID" 2>/dev/null || true
for _ in $(seq 1 50); do
  kill -0 "$PID" 2>/dev/null || { rm -f "$PIDFILE"; exit 0; }
  sleep 0.2
done
kill -KILL -- "-$PID" 2>/dev/null || kill -KILL "$PID" 2>/dev/null || true
for _ in $(seq 1 25); do
  kill -0 "$PID" 2>/dev/null || { rm -f "$PIDFILE"; exit 0; }
  sleep 0.2
done
echo "process $PID still alive" >&2
exit 1
