#!/usr/bin/env bash
# Burst engine throughput next to wrk -t1 -c16, both against one trivial Kestrel endpoint on 127.0.0.1.
# Usage: bash bench/ContractCheck.Bench/run-burst.sh   (installs wrk with apt-get when it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk
fi
dotnet build -c Release bench/ContractCheck.Bench -v q -nologo
bin=bench/ContractCheck.Bench/bin/Release/net10.0/ContractCheck.Bench.dll
port=$(( 20000 + RANDOM % 20000 ))
dotnet "$bin" serve "$port" 90 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/ping" >/dev/null && break; sleep 0.2; done
url="http://127.0.0.1:$port/ping"
for round in 1 2 3; do
  echo "--- round $round"
  wrk -t1 -c16 -d5s "$url" | grep -E "Requests/sec|requests in"
  dotnet "$bin" burst "$url" 100000 16
done
