#!/usr/bin/env bash
# validate on an NDJSON file of at least 1 GiB, in a heap of 128 MB: it must complete, and its throughput is
# compared with the JMH figures of bench/run.sh.
#
# The file is written by our generator (--seed 2, 100 events a request, AWS CLI input documents, one a line:
# the format a load-test data set has) as bench/target/corpus/large.ndjson, and kept for later runs. Then
#   java -Xmx128m -jar cli/target/pinpoint-events.jar validate --threads T bench/target/corpus/large.ndjson
# runs with T = 1 (one thread, as JMH measures) and T = the number of processors (the default), its report
# going to bench/target/corpus/large.report.txt. Prints, per run: wall seconds, MB/s, requests/s, peak
# resident memory, the exit code; the last line is one JSON object for bench/ratios.sh.
#
# Usage: bench/large-ndjson.sh [GIB]        (default 1; the file is regenerated when its size differs)
#   SKIP_BUILD=1 reuses cli/target/pinpoint-events.jar.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
gib="${1:-1}"
jar=cli/target/pinpoint-events.jar
file=bench/target/corpus/large.ndjson

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building $jar ..." >&2
  mvn -B -q package -DskipTests -pl cli -am >&2
fi
mkdir -p "$(dirname "$file")"

python3 - "$jar" "$file" "$gib" <<'PY'
import json, os, subprocess, sys, time

jar, path, gib = sys.argv[1], sys.argv[2], float(sys.argv[3])
want = int(gib * 2**30)
# 100-event requests of the default mix average about 38.5 kB as CLI input documents; 5% more for margin.
count = int(want / 38_500 * 1.05) + 1
marker = path + ".count"
if not (os.path.exists(path) and os.path.exists(marker) and open(marker).read() == str(count)
        and os.path.getmtime(path) > os.path.getmtime(jar)):
    print(f"Generating {count:,} requests into {path} ...", file=sys.stderr)
    subprocess.run(["java", "-jar", jar, "generate", "--count", str(count), "--events-per-request", "100",
                    "--seed", "2", "--output", path, "--force"], check=True)
    with open(marker, "w") as f:
        f.write(str(count))
size = os.path.getsize(path)
if size < want:
    sys.exit(f"large-ndjson.sh: {path} holds {size:,} bytes, less than {want:,}")

runs = {}
for threads in (1, os.cpu_count() or 1):
    if threads in runs:
        continue
    report = path.replace(".ndjson", f".report-{threads}.txt")
    start = time.perf_counter()
    with open(report, "w") as out:
        child = subprocess.Popen(["java", "-Xmx128m", "-jar", jar, "validate", "--threads", str(threads), path],
                                 stdout=out)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak resident memory
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    with open(report) as f:
        summary = f.read().rstrip("\n").rsplit("\n", 1)[-1]
    requests = int(summary.split(" ", 1)[0])
    runs[threads] = {"threads": threads, "seconds": round(seconds, 2), "exitCode": code,
                     "megabytesPerSecond": round(size / seconds / 1e6, 1),
                     "requestsPerSecond": round(requests / seconds, 1),
                     "peakRssMegabytes": round(usage.ru_maxrss / 1024),
                     "summary": summary}
    print(f"validate --threads {threads}: {seconds:.1f} s, {size / seconds / 1e6:.1f} MB/s, "
          f"{requests / seconds:,.0f} requests/s, peak RSS {usage.ru_maxrss / 1024:,.0f} MB, "
          f"exit {code}: {summary}", file=sys.stderr)
    if code != 0:
        sys.exit(f"large-ndjson.sh: validate exited with {code}; see {report}")

print(json.dumps({"file": path, "bytes": size, "heap": "-Xmx128m", "runs": list(runs.values())}))
PY
