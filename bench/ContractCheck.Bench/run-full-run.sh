#!/usr/bin/env bash
# Whole-process figures of the Execute issue, each next to a baseline measured in the same round:
#   full run of github-api.json against a server answering 200 {} to everything, --dry-run, --include one operation
#     — each as a ratio to the bare Microsoft.OpenApi load of the same file (a process that only loads it);
#   --workers 8 against --workers 1 on a generated 60-operation spec behind a server adding 20 ms to every answer
#     (whole process, and the run's own "requests in N s" time, which leaves out start-up and spec load);
#   contractcheck --help against a .NET hello world.
# The CLI is measured as `dotnet pack` + `dotnet tool install` install it (the package for this platform,
# ReadyToRun) and, for the spec-load figures, as the portable build (`dotnet publish` without a platform: JIT, what
# the package for other platforms holds); the bare load is measured both ways too.
# Usage: bash bench/ContractCheck.Bench/run-full-run.sh [rounds]   (default 3; needs ../shared/specs; 127.0.0.1 only)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
spec="${CONTRACTCHECK_SHARED:-../shared}/specs/github-api.json"
[ -f "$spec" ] || { echo "missing $spec (the shared test data beside the clone)" >&2; exit 2; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }

out="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"; }
trap cleanup EXIT

dotnet pack src/ContractCheck.Cli -c Release -o "$out/nupkg" -v q -nologo >/dev/null
dotnet tool install --tool-path "$out/tool" --add-source "$out/nupkg" ContractCheck >/dev/null
dotnet publish src/ContractCheck.Cli -c Release -o "$out/portable" -v q -nologo >/dev/null
dotnet build -c Release bench/ContractCheck.Bench -v q -nologo >/dev/null
dotnet publish bench/ContractCheck.Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/bench-r2r" -v q -nologo >/dev/null
bench=bench/ContractCheck.Bench/bin/Release/net10.0/ContractCheck.Bench.dll
cli="$out/tool/contractcheck"
portable="$out/portable/contractcheck"

# A hello world to compare --help with: the smallest .NET console app, built the same way.
mkdir -p "$out/hello" && cat >"$out/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
XML
echo 'System.Console.WriteLine("hello");' >"$out/hello/Program.cs"
dotnet publish "$out/hello" -c Release -o "$out/hello/bin" -v q -nologo >/dev/null

# A 60-operation spec: 60 collections, each with a GET that lists it (happy-path and wrong-method probes each).
sixty="$out/sixty.yaml"
python3 - "$sixty" <<'PY'
import sys
lines = ["openapi: 3.0.3", "info: {title: Sixty, version: '1'}", "paths:"]
for i in range(60):
    lines += [f"  /r{i}:", "    get:", f"      operationId: list{i}",
              "      responses: {'200': {description: the list, content: {application/json: {schema: {type: object}}}}}"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY

# The probe catalogue the Execute issue's targets were set with: the kinds added since (issue 12's request probes and
# invalid-path-param) switched off, so the engine's figures compare like with like; the lines above run everything.
catalogue="$out/issue-day.yaml"
cat >"$catalogue" <<'YAML'
probes: {invalid-path-param: off, head-matches-get: off, options-allow: off, unacceptable-accept: off, conditional-get: off, conditional-write: off, idempotency-key: off, pagination-links: off}
YAML

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
serve() { # port delay-ms; bounded: the server stops by itself after 15 minutes
  dotnet "$bench" serve-any "$1" 900 "$2" >/dev/null & pids+=($!)
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done
  echo "server on $1 did not start" >&2; exit 1
}
fast=$(free_port); serve "$fast" 0
slow=$(free_port); serve "$slow" 20

# wall seconds and peak RSS (MB) of one run of a command, its output thrown away
measure() { /usr/bin/time -f "%e %M" -o "$out/t" "$@" >"$out/stdout" 2>&1 || true; tail -n 1 "$out/t" | awk '{printf "%s %.0f\n", $1, $2/1024}'; }
# the run's own time (from the first request to the report, start-up and spec load left out), in milliseconds:
# the time attribute of the JUnit report's <testsuites>
run_time() { grep -o '<testsuites[^>]*' "$out/run.xml" | grep -oE ' time="[0-9.]+"' | head -n 1 | grep -oE '[0-9.]+'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A wall peak
record() { wall[$1]+="$2 "; peak[$1]+="$3 "; }
for round in $(seq "$rounds"); do
  echo "--- round $round" >&2
  read -r w p < <(measure dotnet "$bench" peak library github-api.json); record bare "$w" "$p"
  read -r w p < <(measure "$cli" run --spec "$spec" --rules /dev/null --base-url "http://127.0.0.1:$fast" --seed 1); record full "$w" "$p"
  read -r w p < <(measure "$cli" run --spec "$spec" --rules /dev/null --base-url "http://127.0.0.1:$fast" --seed 1 --dry-run); record dry "$w" "$p"
  read -r w p < <(measure "$cli" run --spec "$spec" --rules /dev/null --base-url "http://127.0.0.1:$fast" --seed 1 --include 'GET /meta'); record one "$w" "$p"
  read -r w p < <(measure "$cli" run --spec "$spec" --rules "$catalogue" --base-url "http://127.0.0.1:$fast" --seed 1); record full_old "$w" "$p"
  read -r w p < <(measure "$cli" run --spec "$spec" --rules "$catalogue" --base-url "http://127.0.0.1:$fast" --seed 1 --dry-run); record dry_old "$w" "$p"
  read -r w p < <(measure "$out/bench-r2r/ContractCheck.Bench" peak library github-api.json); record bare_r2r "$w" "$p"
  read -r w p < <(measure "$portable" run --spec "$spec" --rules /dev/null --base-url "http://127.0.0.1:$fast" --seed 1 --dry-run); record dry_jit "$w" "$p"
  read -r w p < <(measure "$portable" run --spec "$spec" --rules /dev/null --base-url "http://127.0.0.1:$fast" --seed 1 --include 'GET /meta'); record one_jit "$w" "$p"
  read -r w p < <(measure "$cli" run --spec "$sixty" --rules /dev/null --base-url "http://127.0.0.1:$slow" --seed 1 --workers 1 --junit "$out/run.xml"); record w1 "$w" "$p"; record r1 "$(run_time)" 0
  read -r w p < <(measure "$cli" run --spec "$sixty" --rules /dev/null --base-url "http://127.0.0.1:$slow" --seed 1 --workers 8 --junit "$out/run.xml"); record w8 "$w" "$p"; record r8 "$(run_time)" 0
  read -r w p < <(measure "$cli" --help); record help "$w" "$p"
  read -r w p < <(measure "$out/hello/bin/hello"); record hello "$w" "$p"
done

m() { tr ' ' '\n' <<<"${wall[$1]}" | grep . | median; }
mp() { tr ' ' '\n' <<<"${peak[$1]}" | grep . | sort -n | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
printf '%-44s %9s %9s %8s\n' "what (median of $rounds rounds)" "wall s" "peak MB" "ratio"
printf '%-44s %9s %9s %8s\n' "bare Microsoft.OpenApi load of github-api.json" "$(m bare)" "$(mp bare)" "1.00"
printf '%-44s %9s %9s %8s\n' "full run, 200 {} server" "$(m full)" "$(mp full)" "$(ratio "$(m full)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "--dry-run" "$(m dry)" "$(mp dry)" "$(ratio "$(m dry)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "--include 'GET /meta' (spec load + 1 op)" "$(m one)" "$(mp one)" "$(ratio "$(m one)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "  --dry-run (ratio to a ReadyToRun bare load)" "" "" "$(ratio "$(m dry)" "$(m bare_r2r)")"
printf '%-44s %9s %9s %8s\n' "  --include (ratio to a ReadyToRun bare load)" "" "" "$(ratio "$(m one)" "$(m bare_r2r)")"
printf '%-44s %9s %9s %8s\n' "the issue's probe catalogue (newer kinds off):" "" "" ""
printf '%-44s %9s %9s %8s\n' "  full run" "$(m full_old)" "$(mp full_old)" "$(ratio "$(m full_old)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "  --dry-run" "$(m dry_old)" "$(mp dry_old)" "$(ratio "$(m dry_old)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "bare load, ReadyToRun" "$(m bare_r2r)" "$(mp bare_r2r)" "$(ratio "$(m bare_r2r)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "portable build (JIT), as on other platforms:" "" "" ""
printf '%-44s %9s %9s %8s\n' "  --dry-run" "$(m dry_jit)" "$(mp dry_jit)" "$(ratio "$(m dry_jit)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "  --include 'GET /meta'" "$(m one_jit)" "$(mp one_jit)" "$(ratio "$(m one_jit)" "$(m bare)")"
printf '%-44s %9s %9s %8s\n' "60 operations +20 ms, --workers 1" "$(m w1)" "$(mp w1)" "1.00"
printf '%-44s %9s %9s %8s\n' "60 operations +20 ms, --workers 8 (speed-up)" "$(m w8)" "$(mp w8)" "$(ratio "$(m w1)" "$(m w8)")x"
printf '%-44s %9s %9s %8s\n' "  the runs' own time, --workers 1" "$(m r1)" "" "1.00"
printf '%-44s %9s %9s %8s\n' "  the runs' own time, --workers 8 (speed-up)" "$(m r8)" "" "$(ratio "$(m r1)" "$(m r8)")x"
printf '%-44s %9s %9s %8s\n' ".NET hello world" "$(m hello)" "$(mp hello)" "1.00"
printf '%-44s %9s %9s %8s\n' "contractcheck --help" "$(m help)" "$(mp help)" "$(ratio "$(m help)" "$(m hello)")"
