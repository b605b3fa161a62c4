#!/usr/bin/env bash
# JMH benchmarks of the decision engine (bench/src/main/java/.../DecisionBenchmark.java) on the corpus our
# generator writes (bench/corpus.sh: 1,000 requests of 100 events, and a variant where about 5% of the
# requests break one rule). Each operation takes the corpus's next request body, so ops/s = requests/s:
#   jacksonTreeParse   bytes -> Jackson tree, nothing else (the baseline)
#   fullDecision       PutEventsValidator.decide(bytes): the service's complete answer (size check, parse,
#                      schema, request/endpoint/event rules, warnings)
#   validateCommand    what `validate` does per request: the decision, botocore's parameter validation, and
#                      every finding placed by line and column in the file
# It prints each benchmark's requests/s with its error, MB/s, and its ratio to jacksonTreeParse on the same
# corpus in the same run (0.5 = half the parse-only throughput, i.e. twice the cost of parsing).
#
# Usage: bench/run.sh [JMH options...]        (from anywhere; it works from the repository root)
#   Defaults, for a 2-core machine: -f 1 -wi 5 -w 2s -i 5 -r 2s (about 20 s a benchmark and corpus; shorter
#   warm-up was too short for C2 to settle on 2 cores) and a fixed 1 GB heap (-jvmArgsAppend "-Xms1g -Xmx1g"),
#   so that heap resizing is not part of what is measured. Any of them given in the arguments replaces the
#   default; other JMH options and a benchmark regex are passed through, e.g.
#     bench/run.sh -i 10 fullDecision          bench/run.sh -p corpus=valid
#   Results (JSON): bench/target/jmh-result.json (or the -rff given).
#   SKIP_BUILD=1 reuses bench/target/benchmarks.jar and cli/target/pinpoint-events.jar.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

result_file="bench/target/jmh-result.json"

# Defaults apply only to the options the caller did not give (JMH refuses a repeated option).
declare -A given=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -f | -wi | -w | -i | -r | -rf | -jvmArgsAppend) given["${args[i]}"]=1 ;;
    -rff) given[-rff]=1; result_file="${args[i + 1]:-$result_file}" ;;
  esac
done
defaults=()
for pair in "-f 1" "-wi 5" "-w 2s" "-i 5" "-r 2s" "-jvmArgsAppend -Xms1g -Xmx1g" "-rf json" "-rff $result_file"; do
  opt="${pair%% *}"
  [[ -n "${given[$opt]:-}" ]] || defaults+=("$opt" "${pair#* }")
done

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building bench/target/benchmarks.jar and cli/target/pinpoint-events.jar ..."
  mvn -B -q -Pbench package -DskipTests -pl bench,cli -am
fi
bench/corpus.sh

mkdir -p "$(dirname "$result_file")"
started="$(mktemp)"
trap 'rm -f "$started"' EXIT
# Forked benchmark JVMs inherit the host JVM's arguments, so the property reaches them.
java -Dpinpoint.corpus=bench/target/corpus -jar bench/target/benchmarks.jar "${defaults[@]}" "$@"

# Options such as -l or -h run nothing and leave an earlier result file alone: no table then.
if [[ ! -s "$result_file" || ! "$result_file" -nt "$started" ]]; then
  echo "No new results in $result_file (nothing was run?)." >&2
  exit 0
fi

python3 - "$result_file" bench/target/corpus <<'PY'
import json, math, os, re, sys

with open(sys.argv[1]) as f:
    runs = json.load(f)

def mean_bytes(corpus):
    d = os.path.join(sys.argv[2], corpus)
    sizes = [os.path.getsize(os.path.join(d, n)) for n in os.listdir(d) if re.fullmatch(r"request-\d+\.json", n)]
    return sum(sizes) / len(sizes)

def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan

order = ["jacksonTreeParse", "fullDecision", "validateCommand"]
rows = {}
for r in runs:
    name = r["benchmark"].rsplit(".", 1)[-1]
    corpus = r.get("params", {}).get("corpus")
    if corpus is None:   # ServeWorkBenchmark reads one body, not a corpus: bench/serve-vs-nginx.sh reports it
        continue
    m = r["primaryMetric"]
    rows[(corpus, name)] = (num(m["score"]), num(m["scoreError"]))

print()
print(f"{'corpus':<8} {'benchmark':<18} {'requests/s':>11} {'error':>9} {'MB/s':>8} {'vs jacksonTreeParse':>20}")
for corpus in sorted({c for c, _ in rows}, key=lambda c: c != "valid"):
    base = rows.get((corpus, "jacksonTreeParse"), (None, None))[0]
    size = mean_bytes(corpus)
    for name in sorted({n for c, n in rows if c == corpus}, key=lambda n: order.index(n) if n in order else 9):
        score, err = rows[(corpus, name)]
        ratio = f"{score / base:.3f}" if base else "n/a"
        err_s = "n/a" if math.isnan(err) else f"± {err:,.0f}"
        print(f"{corpus:<8} {name:<18} {score:>11,.0f} {err_s:>9} {score * size / 1e6:>8.1f} {ratio:>20}")
PY
