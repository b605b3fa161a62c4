#!/usr/bin/env bash
# The pipeline issue's bounded-findings target (any body up to 4,000,000 bytes decided in under 1 s and 64 MB
# of heap), on the largest findings bombs we know how to build (bench/src/.../FindingsBomb.java):
#   1. FindingsBomb with -Xmx64m: each bomb decided RUNS times in one JVM; first (cold) and warm median time,
#      heap peak, findings listed and counted;
#   2. a whole `java -Xmx64m -jar cli/target/pinpoint-events.jar validate BOMB` process per bomb, RUNS times:
#      median wall time and peak RSS from /usr/bin/time, and its exit code (1: the request is refused).
# Usage: bench/findings-bomb.sh [RUNS]   (default 5; SKIP_BUILD=1 reuses the jars). Prints JSON lines.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
out=bench/target/findings-bomb
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f bench/target/benchmarks.jar ]]; then
  mvn -B -q -Pbench package -DskipTests -Dpinpoint.cds.skip=true >&2
fi
rm -rf "$out"
mkdir -p "$out"
java -Xmx64m -cp bench/target/benchmarks.jar io.github.pinpointevents.bench.FindingsBomb "$runs" "$out"
for bomb in "$out"/*.json; do
  python3 - "$bomb" "$runs" <<'PY'
import json, os, statistics, subprocess, sys
bomb, runs = sys.argv[1], int(sys.argv[2])
walls, rss, codes = [], [], set()
for _ in range(runs):
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M", "java", "-Xmx64m", "-jar", "cli/target/pinpoint-events.jar",
                        "validate", "--no-warnings", bomb], capture_output=True, text=True)
    wall, kb = r.stderr.strip().splitlines()[-1].split()
    walls.append(float(wall)); rss.append(int(kb)); codes.add(r.returncode)
    last = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
print(json.dumps({"process": "java -Xmx64m -jar pinpoint-events.jar validate", "bomb": os.path.basename(bomb),
                  "bytes": os.path.getsize(bomb), "runs": runs, "medianWallSeconds": statistics.median(walls),
                  "peakRssMegabytes": max(rss) // 1024, "exitCodes": sorted(codes), "lastLine": last}))
PY
done
