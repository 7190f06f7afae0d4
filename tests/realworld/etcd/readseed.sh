#!/usr/bin/env bash
# Print the keys start.sh seeded (everything under seed/), one line each, in a stable form:
#   <key>=<value> create_revision=N mod_revision=N version=N lease=N
# Usage: readseed.sh WORKDIR   (reads WORKDIR/base_url, and WORKDIR/env for ETCD_TOKEN when auth is on)
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
BASE_URL=$(cat "$1/base_url")
auth=()
if [ -f "$1/env" ]; then
  tok=$(sed -n 's/^ETCD_TOKEN=//p' "$1/env")
  [ -n "$tok" ] && auth=(-H "Authorization: $tok")
fi
# range [seed/, seed0): every key that starts with seed/
curl -fsS -m 5 -X POST "$BASE_URL/v3/kv/range" -H 'Content-Type: application/json' "${auth[@]}" \
  -d '{"key":"c2VlZC8=","range_end":"c2VlZDA="}' | python3 -c '
import base64, json, sys
d = json.load(sys.stdin)
for kv in d.get("kvs", []):
    k = base64.b64decode(kv["key"]).decode(); v = base64.b64decode(kv.get("value", "")).decode()
    print("%s=%s create_revision=%s mod_revision=%s version=%s lease=%s" % (k, v, kv.get("create_revision"), kv.get("mod_revision"), kv.get("version"), kv.get("lease", "0")))
print("count=%s" % d.get("count", "0"))
'
