#!/usr/bin/env bash
# JMH benchmarks of the decision engine (bench/src/main/java/.../DecisionBenchmark.java).
#
# What it measures: throughput (ops/s, one thread) on the bytes of one realistic, fully accepted
# 100-event request, samples/valid/amplify-android-100-events.json:
#   jacksonTreeParse                bytes -> Jackson tree, nothing else (the baseline)
#   fullDecision                    PutEventsValidator.decide(bytes): the service's decision
#                                   (size check, parse, schema, request/endpoint/event rules, warnings)
#   fullDecisionWithParameterCheck  decide(bytes) plus botocore's parameter validation
#                                   (checkParameters on {"ApplicationId":"bench","EventsRequest":tree}),
#                                   i.e. what `validate` does
# and then prints each benchmark's ops/s with its error and its ratio to jacksonTreeParse from the same
# run (ratio 0.25 = a quarter of the parse-only throughput, i.e. 4x the cost of parsing).
#
# Usage: bench/run.sh [JMH options...]        (from anywhere; it works from the repository root)
#   Defaults, for a 2-core machine: -f 1 -wi 5 -w 2s -i 5 -r 2s (about 20 s a benchmark; 3 x 2 s of
#   warm-up was too short for C2 to settle on 2 cores). Any of them given in the arguments
#   replaces the default; other JMH options and a benchmark regex are passed through, e.g.
#     bench/run.sh -i 10 fullDecision
#   Results (JSON): bench/target/jmh-result.json (or the -rff given).
#   Samples folder: PINPOINT_SAMPLES=DIR (default: samples), relative to the repository root.
#   SKIP_BUILD=1 reuses an existing bench/target/benchmarks.jar.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

samples="${PINPOINT_SAMPLES:-samples}"
result_file="bench/target/jmh-result.json"

# Defaults apply only to the options the caller did not give (JMH refuses a repeated option).
declare -A given=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -f | -wi | -w | -i | -r | -rf) given["${args[i]}"]=1 ;;
    -rff) given[-rff]=1; result_file="${args[i + 1]:-$result_file}" ;;
  esac
done
defaults=()
for pair in "-f 1" "-wi 5" "-w 2s" "-i 5" "-r 2s" "-rf json" "-rff $result_file"; do
  opt="${pair%% *}"
  [[ -n "${given[$opt]:-}" ]] || defaults+=("$opt" "${pair#* }")
done

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building bench/target/benchmarks.jar ..."
  mvn -B -q -Pbench package -DskipTests -pl bench -am
fi

mkdir -p "$(dirname "$result_file")"
started="$(mktemp)"
trap 'rm -f "$started"' EXIT
# Forked benchmark JVMs inherit the host JVM's arguments, so the property reaches them.
java "-Dpinpoint.samples=$samples" -jar bench/target/benchmarks.jar "${defaults[@]}" "$@"

# Options such as -l or -h run nothing and leave an earlier result file alone: no table then.
if [[ ! -s "$result_file" || ! "$result_file" -nt "$started" ]]; then
  echo "No new results in $result_file (nothing was run?)." >&2
  exit 0
fi

python3 - "$result_file" <<'PY'
import json, math, sys

with open(sys.argv[1]) as f:
    runs = json.load(f)

def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan

rows = []
for r in runs:
    m = r["primaryMetric"]
    rows.append((r["benchmark"].rsplit(".", 1)[-1], num(m["score"]), num(m["scoreError"]), m["scoreUnit"]))

rows.sort(key=lambda row: row[0] != "jacksonTreeParse")  # baseline first, the rest in JMH's order
base = next((s for name, s, _, _ in rows if name == "jacksonTreeParse"), None)
print()
print(f"{'Benchmark':<32} {'Score':>12} {'Error':>11}  {'Units':<6} {'vs jacksonTreeParse':>19}")
for name, score, err, unit in rows:
    ratio = f"{score / base:.3f}" if base else "n/a"
    err_s = "n/a" if math.isnan(err) else f"± {err:,.1f}"
    print(f"{name:<32} {score:>12,.1f} {err_s:>11}  {unit:<6} {ratio:>19}")
if base is None:
    print("(jacksonTreeParse was not run: no ratios)")
PY
