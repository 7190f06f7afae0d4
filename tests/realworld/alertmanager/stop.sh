#!/usr/bin/env bash
# Stop the Alertmanager that start.sh started: its process group only. Usage: stop.sh WORKDIR
set -euo pipefail
if [[ $# -ne 1 ]]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
pidfile="$1/pid"
[[ -f $pidfile ]] || exit 0
PID=$(cat "$pidfile")
[[ $PID =~ ^[0-9]+$ ]] || { echo "bad pid in $pidfile" >&2; exit 1; }
if kill -0 -- -"$PID" 2>/dev/null; then
  kill -TERM -- -"$PID" 2>/dev/null || true
  for _ in $(seq 1 50); do   # up to 10 s, then SIGKILL
    kill -0 -- -"$PID" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 -- -"$PID" 2>/dev/null; then
    kill -KILL -- -"$PID" 2>/dev/null || true
    sleep 0.2
  fi
fi
rm -f "$pidfile"
exit 0
