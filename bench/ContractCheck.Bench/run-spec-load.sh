#!/usr/bin/env bash
# Spec-loading benchmark: ContractCheck's loader against Microsoft.OpenApi alone on the large corpus specs.
# Usage: bash bench/ContractCheck.Bench/run-spec-load.sh   (needs ../shared/specs beside the clone)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/ContractCheck.Bench -v q -nologo
bin=bench/ContractCheck.Bench/bin/Release/net10.0/ContractCheck.Bench.dll
for spec in github-api.json stripe-spec3.yaml digitalocean.yaml; do
  for mode in library contractcheck; do
    dotnet "$bin" peak "$mode" "$spec"
  done
done
dotnet "$bin" --filter '*SpecLoadBenchmark*' --join
