#!/usr/bin/env bash
# Burst throughput next to wrk -t1 -c16, all against one trivial Kestrel endpoint on 127.0.0.1, in rounds that
# alternate them (each ratio is to the wrk run of its own round, so a machine that slows down affects both):
#   cli     — the rate the CLI's own burst line reports for a rules entry `requests: 10000, concurrency: 16`
#             (a whole `contractcheck run` process of the tool as `dotnet pack` + `dotnet tool install` install it);
#   engine  — the burst engine in process, 100,000 requests at concurrency 16 after a warm-up burst.
# Usage: bash bench/ContractCheck.Bench/run-burst.sh [rounds]   (default 5; installs wrk with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-5}"
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk
fi
out="$(mktemp -d)"
server=""
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

dotnet build -c Release bench/ContractCheck.Bench -v q -nologo >/dev/null
dotnet pack src/ContractCheck.Cli -c Release -o "$out/nupkg" -v q -nologo >/dev/null
dotnet tool install --tool-path "$out/cli" --add-source "$out/nupkg" ContractCheck >/dev/null
bin=bench/ContractCheck.Bench/bin/Release/net10.0/ContractCheck.Bench.dll
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
dotnet "$bin" serve "$port" 900 >/dev/null &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/ping" >/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port/ping"

cat >"$out/ping.yaml" <<'YAML'
openapi: 3.0.3
info: {title: Ping, version: '1'}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200': {description: pong, content: {application/json: {schema: {type: object}}}}
        '429': {description: slow down}
YAML
cat >"$out/rules.yaml" <<'YAML'
rateLimit:
  - {operation: ping, requests: 10000, within: 10s, concurrency: 16}
YAML

wrk_rate() { wrk -t1 -c16 -d3s "$url" | awk '/Requests\/sec/ {print $2}'; }
# The run exits 1 (the endpoint has no rate limit: rate-limited fails); only its burst line is read.
cli_rate() { { "$out/cli/contractcheck" run --spec "$out/ping.yaml" --rules "$out/rules.yaml" --base-url "http://127.0.0.1:$port" --seed 1 2>&1 || true; } \
  | grep -oE 'burst on GET /ping: [0-9]+ requests in [0-9.]+ s \([0-9]+/s\)' | head -n 1 | grep -oE '\([0-9]+/s' | tr -d '(/s'; }
engine_rate() { dotnet "$bin" burst "$url" 100000 16 | grep -oE '= [0-9]+ requests/s' | grep -oE '[0-9]+'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-6s %12s %12s %8s %12s %8s\n' round "wrk req/s" "cli req/s" ratio "engine req/s" ratio
cli_ratios="" engine_ratios=""
for round in $(seq "$rounds"); do
  w=$(wrk_rate); c=$(cli_rate); e=$(engine_rate)
  rc=$(awk -v a="$c" -v b="$w" 'BEGIN {printf "%.2f", a / b}')
  re=$(awk -v a="$e" -v b="$w" 'BEGIN {printf "%.2f", a / b}')
  printf '%-6s %12.0f %12s %8s %12s %8s\n' "$round" "$w" "$c" "$rc" "$e" "$re"
  cli_ratios+="$rc"$'\n'; engine_ratios+="$re"$'\n'
done
echo "median ratio to wrk: cli burst line $(printf '%s' "$cli_ratios" | median), engine $(printf '%s' "$engine_ratios" | median)  (target >= 0.6)"
