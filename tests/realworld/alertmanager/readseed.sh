#!/usr/bin/env bash
# Print the silence start.sh seeded, as Alertmanager returns it (JSON, keys sorted, one line).
# Usage: readseed.sh WORKDIR   (reads WORKDIR/base_url and WORKDIR/seeded_silence_id)
set -euo pipefail
if [[ $# -ne 1 ]]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
BASE=$(cat "$1/base_url")
sid=$(cat "$1/seeded_silence_id")
curl -fsS -m 5 "$BASE/silence/$sid" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))'
