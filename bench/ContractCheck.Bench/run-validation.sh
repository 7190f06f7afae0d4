#!/usr/bin/env bash
# Validation benchmark: parse + validate a 1 MB GitHub response body, next to receiving it on loopback.
# Usage: bash bench/ContractCheck.Bench/run-validation.sh   (needs ../shared/specs beside the clone)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/ContractCheck.Bench -v q -nologo
dotnet bench/ContractCheck.Bench/bin/Release/net10.0/ContractCheck.Bench.dll --filter '*ValidationBenchmark*' --join
