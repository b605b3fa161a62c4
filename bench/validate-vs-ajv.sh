#!/usr/bin/env bash
# validate end to end against node + ajv (the pipeline issue's first benchmark): the whole `bin/pinpoint-events
# validate` process on the 38 MB NDJSON corpus (`generate --seed 7 --count 1000 --events-per-request 100
# --format ndjson`), against one node process that reads, parses and validates the same lines with ajv
# (tools/ajv/validate-ndjson.mjs). Target: at most 1.5 times ajv's wall time. Each command runs once untimed
# and then RUNS times, alternating; wall time and peak RSS come from /usr/bin/time.
# Usage: bench/validate-vs-ajv.sh [RUNS]   (default 5; SKIP_BUILD=1 reuses cli/target/pinpoint-events.jar,
# SKIP_NPM=1 skips npm ci). Prints a JSON line per run and then one of medians and their ratio.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
out=bench/target/validate-vs-ajv
corpus="$out/corpus.ndjson"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f cli/target/pinpoint-events.jar ]]; then
  mvn -B -q -pl cli -am package -DskipTests >&2   # with its class-data sharing archive, as users get it
fi
if [[ "${SKIP_NPM:-0}" != 1 ]]; then
  npm ci --prefix tools/ajv --no-audit --no-fund --loglevel=error >&2
fi
mkdir -p "$out"
if [[ ! -f "$corpus" || cli/target/pinpoint-events.jar -nt "$corpus" ]]; then
  rm -f "$corpus" "$out/corpus.index.csv"   # generate refuses to replace a file it did not just write
  bin/pinpoint-events generate --seed 7 --count 1000 --events-per-request 100 --format ndjson --output "$corpus" >&2
fi
python3 - "$corpus" "$runs" <<'PY'
import json, os, statistics, subprocess, sys
corpus, runs = sys.argv[1], int(sys.argv[2])
commands = {"pinpoint-events validate": ["bin/pinpoint-events", "validate", "--no-warnings", corpus],
            "node + ajv": ["node", "tools/ajv/validate-ndjson.mjs", corpus]}
def timed(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    wall, kb = r.stderr.strip().splitlines()[-1].split()
    if r.returncode != 0:
        sys.exit(f"validate-vs-ajv: {cmd[0]} exited {r.returncode}: {r.stderr.strip()[-300:]}")
    return float(wall), int(kb) // 1024
for cmd in commands.values():
    timed(cmd)
results = {name: [] for name in commands}
for i in range(runs):
    for name, cmd in commands.items():
        wall, mb = timed(cmd)
        results[name].append((wall, mb))
        print(json.dumps({"run": i + 1, "command": name, "wallSeconds": wall, "peakRssMegabytes": mb}))
ours = statistics.median(w for w, _ in results["pinpoint-events validate"])
ajv = statistics.median(w for w, _ in results["node + ajv"])
print(json.dumps({"corpusBytes": os.path.getsize(corpus), "runs": runs, "oursMedianSeconds": ours,
                  "ajvMedianSeconds": ajv, "ratio": ours / ajv,
                  "oursPeakRssMegabytes": max(m for _, m in results["pinpoint-events validate"]),
                  "ajvPeakRssMegabytes": max(m for _, m in results["node + ajv"])}))
PY
