#!/usr/bin/env bash
# Per-request cost of the socket transport (Flurl.Http) against the same exchange sent straight through a
# SocketsHttpHandler, one request at a time to a Kestrel server on 127.0.0.1 (BenchmarkDotNet, in process).
# Usage: bash bench/ContractCheck.Bench/run-transport.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/ContractCheck.Bench -v q -nologo
dotnet bench/ContractCheck.Bench/bin/Release/net10.0/ContractCheck.Bench.dll --filter '*TransportBenchmark*' --join
