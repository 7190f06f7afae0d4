#!/usr/bin/env bash
# Print the 4 todos start.sh seeded (ids 1-4 of the package's data/db.json), as the API returns them:
# one line each, JSON with sorted keys ("404" if one is gone). Usage: readseed.sh WORKDIR
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
BASE_URL=$(cat "$1/base_url")
for id in 1 2 3 4; do
  code=$(curl -sS -m 5 -o "$1/.readseed.tmp" -w '%{http_code}' -H 'Accept: application/json' "$BASE_URL/todos/$id")
  if [ "$code" = 200 ]; then
    printf 'todo %s: %s\n' "$id" "$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), sort_keys=True))' "$1/.readseed.tmp")"
  else
    printf 'todo %s: HTTP %s\n' "$id" "$code"
  fi
done
rm -f "$1/.readseed.tmp"
