#!/usr/bin/env bash
# Check every real-world target in tests/realworld/ with ContractCheck and compare its failures with
# the target's verdicts.md.
#
# Usage: tests/realworld/run.sh [--strict] [--cli PATH] [--seed N] [--out DIR] [--keep] [--summary FILE]
#                               [--start-timeout S] [TARGET...]
#   --cli PATH   the contractcheck executable (default: $CONTRACTCHECK, else `contractcheck` on PATH).
#                A published build is fastest; `dotnet run` per target is not. To make one:
#                dotnet publish src/ContractCheck.Cli -c Release -o /tmp/cc-tool  → /tmp/cc-tool/contractcheck
#   --seed N     the run's seed (default 1: the verdicts were judged on seed 1; names do not depend on it)
#   --out DIR    where the reports go (default: a new /tmp/cc-realworld.XXXXXX): DIR/TARGET/junit.xml,
#                contractcheck.log, server.log, seed.before, seed.after
#   --keep       keep each target's whole work directory (server data, installed package) in DIR/TARGET/work
#   --summary FILE  one line per target: "TARGET passed", "TARGET failed REASON" or "TARGET skipped REASON"
#                (passed: every failure judged true, seeded data unchanged, ContractCheck ended 0 or 1);
#                .ci/run counts these lines into its "N passed, N failed"
#   --start-timeout S  seconds start.sh may take, installing included (default 900); a start that takes
#                longer is a skip ("could not be installed in time"), like exit 77
#   --strict     exit 1 when a failure is unjudged or judged a false alarm, when seeded data changed,
#                when ContractCheck ended other than 0/1 (2 bad input, 3 target stopped answering, 124
#                timeout, …) or when a target could not be started (a skip, exit 77, is not an error)
#   TARGET...    only these targets (directory names here); default: every directory with a start.sh
#
# Each target directory has start.sh WORKDIR (exit 77 "cannot install: …" when it cannot be installed;
# writes WORKDIR/pid, WORKDIR/base_url, optionally WORKDIR/env with variables the rules file reads and
# WORKDIR/seed.before), stop.sh WORKDIR, readseed.sh WORKDIR (prints the seeded data as seed.before
# holds it), the spec, contractcheck.yaml and verdicts.md (one row per known failure:
# | operation (JUnit testsuite) | testcase | true / false alarm | evidence |).
# Without --strict the exit code is 0 unless the arguments are wrong (2).
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
STRICT=0 KEEP=0 SEED=1 OUT="" SUMMARY="" START_TIMEOUT=900 CLI=${CONTRACTCHECK:-}
TARGETS=()
while [ $# -gt 0 ]; do
  case $1 in
    --strict) STRICT=1 ;;
    --keep) KEEP=1 ;;
    --cli) CLI=${2:?--cli needs a path}; shift ;;
    --seed) SEED=${2:?--seed needs a number}; shift ;;
    --out) OUT=${2:?--out needs a directory}; shift ;;
    --summary) SUMMARY=${2:?--summary needs a file}; shift ;;
    --start-timeout) START_TIMEOUT=${2:?--start-timeout needs seconds}; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) TARGETS+=("$1") ;;
  esac
  shift
done

if [ -z "$CLI" ]; then CLI=$(command -v contractcheck || true); fi
if [ -z "$CLI" ] || [ ! -x "$CLI" ]; then
  echo "no contractcheck executable: set CONTRACTCHECK=/path/to/contractcheck or pass --cli PATH" >&2
  echo "  (make one: dotnet publish src/ContractCheck.Cli -c Release -o /tmp/cc-tool)" >&2
  exit 2
fi
CLI=$(cd "$(dirname "$CLI")" && pwd)/$(basename "$CLI")
[[ $SEED =~ ^[0-9]+$ ]] || { echo "--seed must be a number" >&2; exit 2; }
[[ $START_TIMEOUT =~ ^[0-9]+$ ]] && [ "$START_TIMEOUT" -gt 0 ] || { echo "--start-timeout must be a number of seconds" >&2; exit 2; }
if [ -n "$SUMMARY" ]; then : >"$SUMMARY" || { echo "cannot write --summary $SUMMARY" >&2; exit 2; }; fi
# summarize TARGET RESULT [REASON]: one line of the --summary file
summarize() { [ -z "$SUMMARY" ] || echo "$*" >>"$SUMMARY"; }

if [ ${#TARGETS[@]} -eq 0 ]; then
  for d in "$HERE"/*/; do [ -x "$d/start.sh" ] && TARGETS+=("$(basename "$d")"); done
fi
for t in "${TARGETS[@]}"; do
  [ -x "$HERE/$t/start.sh" ] && [ -x "$HERE/$t/stop.sh" ] || { echo "no target '$t' (needs $HERE/$t/start.sh and stop.sh)" >&2; exit 2; }
done

if [ -z "$OUT" ]; then OUT=$(mktemp -d "${TMPDIR:-/tmp}/cc-realworld.XXXXXX"); else mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd); fi

# The one server running at any time, and the one child command (start.sh or ContractCheck, run in the
# background and waited for, so that Ctrl-C / SIGTERM is handled at once): both ended on every way out.
# stop.sh kills only the PID its start.sh wrote (and does nothing when there is no pid file).
CURRENT_STOP="" CURRENT_WORK="" CHILD=""
stop_current() {
  if [ -n "$CURRENT_STOP" ]; then
    timeout 60 "$CURRENT_STOP" "$CURRENT_WORK" >/dev/null 2>&1 || echo "  warning: $CURRENT_STOP $CURRENT_WORK failed" >&2
    CURRENT_STOP="" CURRENT_WORK=""
  fi
}
interrupted() {
  if [ -n "$CHILD" ]; then
    # the child is `timeout …`: it passes the signal on (ContractCheck then cleans up and exits 130)
    # and sends KILL 10 s later if the command is still there
    kill -TERM "$CHILD" 2>/dev/null
    wait "$CHILD" 2>/dev/null
  fi
  stop_current
  echo "interrupted" >&2
  exit 130
}
trap 'stop_current' EXIT
trap 'interrupted' INT TERM
# in_background CMD...: run CMD (its output already redirected by the caller) and wait; sets $rc
in_background() {
  "$@" &
  CHILD=$!
  wait "$CHILD"
  rc=$?
  CHILD=""
}

# compare JUNIT VERDICTS TARGET: prints the count line and the failures not judged true; its exit
# code is the number of unjudged + false-alarm failures (capped at 100).
compare() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET

junit, verdicts, target = sys.argv[1:4]
failed = []
for suite in ET.parse(junit).getroot().iter("testsuite"):
    for case in suite.findall("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed.append(f"{suite.get('name')} | {case.get('name')}")

def cell(text):
    text = text.strip().replace("\\|", "|")
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] == "`" else text

judged = {}
if os.path.exists(verdicts):
    for line in open(verdicts, encoding="utf-8"):
        if not line.startswith("|"):
            continue
        cells = [cell(c) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) < 3 or set(cells[0]) <= set("-: ") or cells[2].lower() not in ("true", "false alarm"):
            continue
        judged[f"{cells[0]} | {cells[1]}"] = cells[2].lower()

true_ = [k for k in failed if judged.get(k) == "true"]
false_ = [k for k in failed if judged.get(k) == "false alarm"]
unjudged = [k for k in failed if k not in judged]
stale = [k for k in judged if k not in set(failed)]
print(f"{target}: {len(failed)} failures: {len(true_)} true, {len(false_)} false alarms, {len(unjudged)} unjudged")
for k in false_:
    print(f"    false alarm: {k}")
for k in unjudged:
    print(f"    unjudged:    {k}")
if stale:
    print(f"    ({len(stale)} verdict row(s) of verdicts.md not failing in this run)")
sys.exit(min(100, len(false_) + len(unjudged)))
PY
}

find_spec() {
  local f
  for f in openapi.json openapi.yaml openapi.yml swagger.json swagger.yaml; do
    [ -f "$1/$f" ] && { echo "$f"; return; }
  done
  for f in "$1"/*.swagger.json; do [ -f "$f" ] && { basename "$f"; return; }; done
  return 1
}

problems=0
SEED_LINES=()
START_ALL=$(date +%s)
for t in "${TARGETS[@]}"; do
  tdir=$HERE/$t
  rep=$OUT/$t
  work=$rep/work
  mkdir -p "$rep"
  rm -rf "$work"
  t0=$(date +%s)

  # start (it may install first: bounded at 15 minutes)
  CURRENT_STOP=$tdir/stop.sh CURRENT_WORK=$work
  in_background timeout -k 10 "$START_TIMEOUT" "$tdir/start.sh" "$work" >"$rep/start.log" 2>&1
  if [ $rc -eq 77 ] || [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    if [ $rc -eq 77 ]; then
      reason=$(grep -h 'cannot install' "$rep/start.log" | tail -n 1)
    else
      reason="could not be installed and started within --start-timeout $START_TIMEOUT s"
    fi
    echo "$t: skipped (${reason:-start.sh exit 77})"
    summarize "$t skipped ${reason:-start.sh exit 77}"
    SEED_LINES+=("$t: not run (skipped)")
    stop_current
    rm -rf "$work"
    continue
  fi
  if [ $rc -ne 0 ]; then
    echo "$t: could not be started (start.sh exit $rc): $(grep -v '^\s*$' "$rep/start.log" | tail -n 1)"
    summarize "$t failed start.sh exit $rc"
    SEED_LINES+=("$t: not run (start failed)")
    stop_current
    problems=$((problems + 1))
    continue
  fi

  spec=$(find_spec "$tdir") || { echo "$t: no spec file in $tdir"; summarize "$t failed no spec file"; problems=$((problems + 1)); stop_current; continue; }
  before_problems=$problems
  base_url=$(cat "$work/base_url")

  # ContractCheck, with the variables start.sh wrote (tokens, ids) in its environment only
  run_contractcheck() {
    cd "$tdir" || exit 2
    if [ -f "$work/env" ]; then set -a; . "$work/env"; set +a; fi
    exec timeout -k 10 600 "$CLI" run --spec "$spec" --rules contractcheck.yaml --base-url "$base_url" \
      --junit "$rep/junit.xml" --seed "$SEED"
  }
  in_background run_contractcheck >"$rep/contractcheck.log" 2>&1
  cc=$rc

  # seeded data, read back before the server stops
  seed_line="$t: seeded data not recorded (no readseed.sh / seed.before)"
  if [ -x "$tdir/readseed.sh" ] && [ -f "$work/seed.before" ]; then
    cp "$work/seed.before" "$rep/seed.before"
    if "$tdir/readseed.sh" "$work" >"$rep/seed.after" 2>&1 && cmp -s "$rep/seed.before" "$rep/seed.after"; then
      seed_line="$t: seeded data unchanged ($(wc -l <"$rep/seed.before") line(s) of seed.before)"
    else
      seed_line="$t: SEEDED DATA CHANGED:"$'\n'"$(diff "$rep/seed.before" "$rep/seed.after" | sed 's/^/    /')"
      problems=$((problems + 1))
    fi
  fi
  SEED_LINES+=("$seed_line")

  stop_current
  cp "$work/server.log" "$rep/server.log" 2>/dev/null
  [ $KEEP -eq 1 ] || rm -rf "$work"

  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$rep/contractcheck.log" | tail -n 1)
  if [ -f "$rep/junit.xml" ]; then
    compare "$rep/junit.xml" "$tdir/verdicts.md" "$t"
    bad=$?
    [ $bad -gt 0 ] && problems=$((problems + 1))
  else
    echo "$t: no JUnit report (contractcheck exit $cc): $(tail -n 1 "$rep/contractcheck.log")"
    problems=$((problems + 1))
  fi
  echo "    contractcheck: ${summary:-no summary line}  (exit $cc, $(( $(date +%s) - t0 )) s)"
  case $cc in
    0|1) ;;
    *) echo "    contractcheck ended with exit $cc: $(grep -E '^error:' "$rep/contractcheck.log" | tail -n 1)"; problems=$((problems + 1)) ;;
  esac
  echo "$seed_line"
  if [ $problems -eq $before_problems ]; then
    summarize "$t passed"
  else
    summarize "$t failed false alarms, unjudged failures, changed seeded data or an unfinished run (see above)"
  fi
done

echo
echo "Seeded data (read back after each run):"
for l in "${SEED_LINES[@]}"; do echo "  $l"; done
echo "Reports in $OUT ($(( $(date +%s) - START_ALL )) s in all)"

if [ $STRICT -eq 1 ] && [ $problems -gt 0 ]; then
  echo "strict: $problems problem(s): unjudged or false-alarm failures, changed seed data, a target that did not start, or a run that did not finish" >&2
  exit 1
fi
exit 0
