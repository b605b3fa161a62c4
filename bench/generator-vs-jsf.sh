#!/usr/bin/env bash
# Events per second: our generator (pinpoint-events generate, Java) against json-schema-faker (npm) on our own
# schema (schemas/events-request.schema.json), on this machine, in this run; prints the ratio.
#
# Both sides generate EventsRequest documents and write each as compact JSON, single-threaded (node is); our
# generator is also run with one thread per core. json-schema-faker gets a copy of the schema with
# Events.minProperties=10 (out of the box it fills no Events map) and fills every optional member; see
# tools/jsf/bench.mjs. json-schema-faker is installed from the committed tools/jsf/package-lock.json with npm ci.
#
# Usage: bench/generator-vs-jsf.sh [SECONDS] [WARMUP_SECONDS]     (defaults 10 and 5)
#   SKIP_BUILD=1 reuses bench/target/benchmarks.jar; SKIP_NPM=1 reuses tools/jsf/node_modules.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-10}"
warmup="${2:-5}"

if [[ "${SKIP_NPM:-0}" != 1 ]]; then
  echo "Installing json-schema-faker (npm ci in tools/jsf) ..." >&2
  npm ci --prefix tools/jsf --no-audit --no-fund --loglevel=error >&2
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building bench/target/benchmarks.jar ..." >&2
  mvn -B -q -Pbench package -DskipTests -pl bench -am >&2
fi

cores="$(nproc 2>/dev/null || echo 1)"
echo "Running json-schema-faker for ${seconds} s (+${warmup} s warm-up) ..." >&2
jsf="$(node tools/jsf/bench.mjs "$seconds" "$warmup")"
echo "Running pinpoint-events generate, 1 thread, for ${seconds} s (+${warmup} s warm-up) ..." >&2
ours1="$(java -cp bench/target/benchmarks.jar io.github.pinpointevents.bench.GeneratorThroughput "$seconds" "$warmup" 1)"
echo "Running pinpoint-events generate, ${cores} threads ..." >&2
oursN="$(java -cp bench/target/benchmarks.jar io.github.pinpointevents.bench.GeneratorThroughput "$seconds" "$warmup" "$cores")"

python3 - "$jsf" "$ours1" "$oursN" <<'PY'
import json, sys
jsf, one, many = (json.loads(a) for a in sys.argv[1:])
print()
print(json.dumps(jsf))
print(json.dumps(one))
print(json.dumps(many))
print()
print(f"{'generator':<44} {'events/s':>12} {'docs/s':>10} {'events/doc':>11} {'MB/s':>8}")
for name, r in ((f"json-schema-faker {jsf['version']} (node {jsf['node']})", jsf),
                (f"pinpoint-events generate, 1 thread", one),
                (f"pinpoint-events generate, {many['threads']} threads", many)):
    print(f"{name:<44} {r['eventsPerSecond']:>12,} {r['documentsPerSecond']:>10,} {r['eventsPerDocument']:>11.2f} "
          f"{r['megabytesPerSecond']:>8.2f}")
print()
print(f"ratio, 1 thread each:              {one['eventsPerSecond'] / jsf['eventsPerSecond']:.1f}x")
print(f"ratio, {many['threads']} threads vs json-schema-faker: {many['eventsPerSecond'] / jsf['eventsPerSecond']:.1f}x")
PY
