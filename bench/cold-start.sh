#!/usr/bin/env bash
# Cold start: wall time of one `validate` of one sample file, a fresh process each time, against ajv-cli (npm)
# on the same file and schema. Issue target: `java -jar pinpoint-events.jar validate` at most 2 times ajv-cli.
#
#   java:    java -jar cli/target/pinpoint-events.jar validate samples/valid/amplify-android-100-events.json
#   ajv-cli: tools/ajv/node_modules/.bin/ajv validate --spec=draft2020 -c ajv-formats --strict=true
#              -s schemas/events-request.schema.json -d samples/valid/amplify-android-100-events.json
# The sample is a bare EventsRequest body (100 events, 67 kB); events-request.schema.json refers to no other
# schema, so ajv-cli needs no -r. Both must exit 0 and call the file valid, or the script stops (exit 1).
# ajv-cli judges the schema only; `validate` also runs the code rules, the warnings and the AWS CLI's
# parameter check, and writes its report.
#
# Each command first runs 3 times untimed (the OS file cache, node's and the JVM's files), then RUNS times
# (default 20), the commands taking turns and the order rotating each round so that background load hits all
# alike. Wall time is time.perf_counter around subprocess.run, output discarded. Prints median, min and max
# of each, and the ratio of the medians java/ajv-cli, which is the headline figure; also the median CPU time
# (user + system, all threads: the JVM compiles and collects on other threads), which background load
# disturbs less than wall time. The last line is one JSON object of the medians (for bench/ratios.sh).
#
# Extra lines (never the headline):
#   - cli/target/pinpoint-events.jsa, the class-data sharing archive `mvn package` makes when the JDK can
#     (see cli/pom.xml), if it exists and the java on PATH made it, run as bin/pinpoint-events runs it:
#     java -XX:SharedArchiveFile=cli/target/pinpoint-events.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar ...
#   - JAVA_VARIANTS="OPTS;OPTS;..." adds one java line per ;-separated set of JVM options, e.g.
#     JAVA_VARIANTS="-XX:TieredStopAtLevel=1;-Xshare:off" bench/cold-start.sh
#
# Usage: bench/cold-start.sh [RUNS]
#   SKIP_BUILD=1 reuses cli/target/pinpoint-events.jar; SKIP_NPM=1 reuses tools/ajv/node_modules.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-20}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "cold-start.sh: RUNS must be a positive integer, not '$runs'" >&2; exit 64; }

if [[ "${SKIP_NPM:-0}" != 1 ]]; then
  echo "Installing ajv-cli (npm ci in tools/ajv) ..." >&2
  npm ci --prefix tools/ajv --no-audit --no-fund --loglevel=error >&2
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building cli/target/pinpoint-events.jar ..." >&2
  mvn -B -q package -DskipTests -pl cli -am >&2
fi

echo "Timing ${runs} runs each (+3 untimed) ..." >&2
python3 - "$runs" "${JAVA_VARIANTS:-}" <<'PY'
import json, os, resource, shutil, statistics, subprocess, sys, time

runs = int(sys.argv[1])
variants = [v.split() for v in sys.argv[2].split(";") if v.strip()]
sample = "samples/valid/amplify-android-100-events.json"
jar = "cli/target/pinpoint-events.jar"
archive = "cli/target/pinpoint-events.jsa"
ajv = "tools/ajv/node_modules/.bin/ajv"

def java(*opts):
    return ["java", *opts, "-jar", jar, "validate", sample]

commands = [("java -jar", java()),
            ("ajv-cli", [ajv, "validate", "--spec=draft2020", "-c", "ajv-formats", "--strict=true",
                         "-s", "schemas/events-request.schema.json", "-d", sample])]
# The archive, as bin/pinpoint-events uses it: only under the JDK that made it (another would ignore it).
if os.path.isfile(archive) and os.path.isfile(archive + ".java-home"):
    with open(archive + ".java-home") as f:
        made_by = os.path.join(f.read().strip(), "bin", "java")
    if os.path.realpath(shutil.which("java") or "") == os.path.realpath(made_by):
        commands.append(("java -jar, CDS archive (bin/pinpoint-events)",
                         java(f"-XX:SharedArchiveFile={archive}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off")))
for opts in variants:
    commands.append(("java -jar, " + " ".join(opts), java(*opts)))

for path in (jar, ajv, sample):
    if not os.path.isfile(path):
        sys.exit(f"cold-start.sh: {path} not found")

def fail(name, cmd, r):
    sys.exit(f"cold-start.sh: {name} failed (exit {r.returncode}): {' '.join(cmd)}\n"
             f"{r.stdout.decode(errors='replace')}{r.stderr.decode(errors='replace')}")

# Each must exit 0 and call the file valid, in its own words.
for name, cmd in commands:
    r = subprocess.run(cmd, capture_output=True)
    out = r.stdout.decode(errors="replace")
    ok = r.returncode == 0 and (out.strip() == f"{sample} valid" if name == "ajv-cli"
                                else "1 passed, 0 failed" in out)
    if not ok:
        fail(name, cmd, r)

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def timed(name, cmd):
    cpu_start = cpu()
    start = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        fail(name, cmd, subprocess.run(cmd, capture_output=True))
    return elapsed, cpu() - cpu_start

for _ in range(3):
    for name, cmd in commands:
        timed(name, cmd)
times = {name: [] for name, _ in commands}
cpus = {name: [] for name, _ in commands}
for i in range(runs):
    k = i % len(commands)
    for name, cmd in commands[k:] + commands[:k]:
        wall, used = timed(name, cmd)
        times[name].append(wall)
        cpus[name].append(used)

def version(package):
    with open(f"tools/ajv/node_modules/{package}/package.json") as f:
        return json.load(f)["version"]

java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
node_version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
print()
print(f"machine: {os.cpu_count()} cores; java: {java_version[0]}, {java_version[-1]}")
print(f"node {node_version}, ajv-cli {version('ajv-cli')} with ajv {version('ajv')}, ajv-formats {version('ajv-formats')}")
print(f"sample: {sample} ({os.path.getsize(sample):,} bytes); {runs} runs each, wall time in ms")
print()
print(f"{'command':<52} {'median':>7} {'min':>7} {'max':>7} {'vs ajv-cli':>10} {'CPU median':>11}")
ajv_median = statistics.median(times["ajv-cli"])
for name, _ in commands:
    t = times[name]
    med = statistics.median(t)
    print(f"{name:<52} {med * 1e3:>7.0f} {min(t) * 1e3:>7.0f} {max(t) * 1e3:>7.0f} {med / ajv_median:>9.2f}x"
          f" {statistics.median(cpus[name]) * 1e3:>11.0f}")
print()
java_median = statistics.median(times["java -jar"])
print(f"ratio of medians, java -jar / ajv-cli: {java_median / ajv_median:.2f} (target: at most 2)")
# The last line, for bench/ratios.sh: the medians in ms, by command.
print(json.dumps({"javaMedianMs": round(java_median * 1e3, 1), "ajvMedianMs": round(ajv_median * 1e3, 1),
                  "runs": runs, "medianMs": {name: round(statistics.median(times[name]) * 1e3, 1)
                                             for name, _ in commands}}))
PY
