#!/usr/bin/env bash
# Every figure of the performance issue, in one run on one machine, as ratios against a baseline measured in
# the same run. From a clean clone (Java 17, Maven, node and npm, python3):
#
#   bench/ratios.sh            about 15 minutes on 2 cores; QUICK=1 bench/ratios.sh: about 7, rougher figures
#
# It installs the npm tools (tools/ajv, tools/jsf, with npm ci), builds everything with the bench profile,
# writes the corpus (bench/corpus.sh: 1,000 requests of 100 events, and a variant where about 5% of the
# requests break one rule), then measures:
#   (a) bench/run.sh             JMH, one thread: full decisions against a Jackson tree parse of the same bytes
#   (b) tools/ajv/throughput.mjs ajv's schema verdict on the same bodies, against (a)'s full decisions
#   (c) bench/large-ndjson.sh    validate of a 1 GiB NDJSON file with -Xmx128m, against (a)'s full decisions
#   (d) bench/cold-start.sh      one `java -jar pinpoint-events.jar validate` against ajv-cli on the same file
#   (e) bench/generator-vs-jsf.sh  generator events/s against json-schema-faker on our schema
#   (f) bench/maven-goal.sh      the validate goal on the 1,000 corpus files, beyond an empty build
#   (g) bench/validate-vs-ajv.sh the whole validate process on the 38 MB NDJSON corpus against node + ajv
#   (h) bench/findings-bomb.sh   the largest findings bombs under 4,000,000 bytes at -Xmx64m: time and heap
# and prints a table of the ratios with their targets. Every step's output and JSON are kept in
# bench/target/ratios/; the table is also written to bench/target/ratios/summary.md. SUMMARY_ONLY=1 prints the
# table again from those files without measuring anything.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/target/ratios
if [[ "${SUMMARY_ONLY:-0}" != 1 ]]; then
  rm -rf "$out"
  mkdir -p "$out"
  step() { printf '\n==== %s\n' "$*" >&2; }

  if [[ "${QUICK:-0}" == 1 ]]; then
    jmh=(-wi 3 -w 1s -i 3 -r 1s); seconds=4; warmup=2; runs=7; mvn_runs=3
  else
    jmh=(); seconds=10; warmup=5; runs=20; mvn_runs=5
  fi

  step "npm ci (tools/ajv, tools/jsf)"
  npm ci --prefix tools/ajv --no-audit --no-fund --loglevel=error >&2
  npm ci --prefix tools/jsf --no-audit --no-fund --loglevel=error >&2
  step "mvn -Pbench package -DskipTests"
  mvn -B -q -Pbench package -DskipTests >&2
  bench/corpus.sh

  step "(a) JMH: full decisions against a Jackson tree parse"
  SKIP_BUILD=1 bench/run.sh "${jmh[@]}" -rff "$out/jmh.json" DecisionBenchmark | tee "$out/a.txt" >&2

  step "(b) ajv throughput on the same bodies"
  for corpus in valid invalid; do
    node tools/ajv/throughput.mjs "bench/target/corpus/$corpus" "$seconds" "$warmup" | tee "$out/ajv-$corpus.json" >&2
  done

  step "(c) validate, 1 GiB of NDJSON, -Xmx128m"
  SKIP_BUILD=1 bench/large-ndjson.sh | tee "$out/c.txt" >&2

  step "(d) cold start against ajv-cli"
  SKIP_BUILD=1 SKIP_NPM=1 bench/cold-start.sh "$runs" | tee "$out/d.txt" >&2

  step "(e) generator against json-schema-faker"
  SKIP_BUILD=1 SKIP_NPM=1 bench/generator-vs-jsf.sh "$seconds" "$warmup" | tee "$out/e.txt" >&2

  step "(f) the Maven goal on 1,000 fixture files"
  bench/maven-goal.sh "$mvn_runs" | tee "$out/f.txt" >&2   # installs the plugin into its private repository

  step "(g) validate end to end against node + ajv, 38 MB NDJSON"
  SKIP_BUILD=1 SKIP_NPM=1 bench/validate-vs-ajv.sh "$mvn_runs" | tee "$out/g.txt" >&2

  step "(h) findings bombs at -Xmx64m"
  SKIP_BUILD=1 bench/findings-bomb.sh "$mvn_runs" | tee "$out/h.txt" >&2

fi

python3 - "$out" <<'PY'
import json, os, platform, re, subprocess, sys

out = sys.argv[1]

def last_json(name):
    lines = [l for l in open(os.path.join(out, name)) if l.startswith("{")]
    return json.loads(lines[-1])

def json_lines(name):
    return [json.loads(l) for l in open(os.path.join(out, name)) if l.startswith("{")]

jmh = {}
for r in json.load(open(os.path.join(out, "jmh.json"))):
    if "corpus" not in r.get("params", {}):
        continue   # a benchmark of another kind (e.g. ServeWorkBenchmark, when run.sh ran them all)
    jmh[(r["params"]["corpus"], r["benchmark"].rsplit(".", 1)[-1])] = r["primaryMetric"]["score"]

def mean_bytes(corpus):
    d = os.path.join("bench/target/corpus", corpus)
    sizes = [os.path.getsize(os.path.join(d, n)) for n in os.listdir(d) if re.fullmatch(r"request-\d+\.json", n)]
    return sum(sizes) / len(sizes)

rows = []
def row(item, measure, ours, base, ratio, target, met):
    rows.append((item, measure, ours, base, f"{ratio:.2f}", target, "yes" if met else "**no**"))

for corpus in ("valid", "invalid"):
    d, p = jmh[(corpus, "fullDecision")], jmh[(corpus, "jacksonTreeParse")]
    row("(a)", f"full decisions / Jackson tree parse, {corpus} corpus (requests/s)", f"{d:,.0f}", f"{p:,.0f}",
        d / p, "≥ 1.0", d / p >= 1.0)  # the pipeline issue's target (it was 0.5 before)
for corpus in ("valid", "invalid"):
    d = jmh[(corpus, "fullDecision")]
    a = last_json(f"ajv-{corpus}.json")
    row("(b)", f"full decisions / ajv {a['ajv']} schema verdict, {corpus} corpus (requests/s)", f"{d:,.0f}",
        f"{a['documentsPerSecond']:,.0f}", d / a["documentsPerSecond"], "≥ 1", d >= a["documentsPerSecond"])
large = last_json("c.txt")
decision_mb = jmh[("valid", "fullDecision")] * mean_bytes("valid") / 1e6
for run in large["runs"]:
    mb = run["megabytesPerSecond"]
    row("(c)", f"validate {large['bytes'] / 2**30:.2f} GiB NDJSON, -Xmx128m, --threads {run['threads']} / (a)'s"
        f" full decisions (MB/s; peak RSS {run['peakRssMegabytes']} MB, exit {run['exitCode']})",
        f"{mb:,.1f}", f"{decision_mb:,.1f}", mb / decision_mb, "completes, ≥ 0.9",
        run["exitCode"] == 0 and mb >= 0.9 * decision_mb)
cold = last_json("d.txt")
row("(d)", "cold start, java -jar validate / ajv-cli (median wall ms)", f"{cold['javaMedianMs']:,.0f}",
    f"{cold['ajvMedianMs']:,.0f}", cold["javaMedianMs"] / cold["ajvMedianMs"], "≤ 2",
    cold["javaMedianMs"] <= 2 * cold["ajvMedianMs"])
jsf, one = json_lines("e.txt")[:2]
row("(e)", "generator / json-schema-faker, 1 thread each (events/s)", f"{one['eventsPerSecond']:,}",
    f"{jsf['eventsPerSecond']:,}", one["eventsPerSecond"] / jsf["eventsPerSecond"], "≥ 10",
    one["eventsPerSecond"] >= 10 * jsf["eventsPerSecond"])
goal = last_json("f.txt")
beyond = goal["beyondEmptySeconds"]
rows.append(("(f)", f"validate goal on {goal['fixtures']:,} fixture files, beyond an empty build "
             f"({goal['emptyBuildSeconds']:.1f} s); the CLI on the same files: {goal['cliSeconds']:.1f} s",
             f"{beyond:.1f} s", f"{goal['emptyBuildSeconds']:.1f} s",
             f"{goal['goalBuildSeconds'] / goal['emptyBuildSeconds']:.2f}", "(measured)", "—"))

e2e = last_json("g.txt")
row("(g)", f"validate, whole process, {e2e['corpusBytes'] / 1e6:.0f} MB NDJSON / node + ajv on the same lines"
    f" (median wall s; peak RSS {e2e['oursPeakRssMegabytes']} vs {e2e['ajvPeakRssMegabytes']} MB)",
    f"{e2e['oursMedianSeconds']:.2f}", f"{e2e['ajvMedianSeconds']:.2f}", e2e["ratio"], "≤ 1.5", e2e["ratio"] <= 1.5)
for b in json_lines("h.txt"):
    if "firstMs" in b:
        met = b["warmMedianMs"] < 1000 and b["maxHeapMegabytes"] <= 68
        rows.append(("(h)", f"findings bomb {b['bomb']}, {b['bytes']:,} B, in process at -Xmx64m: warm median / first"
                     f" decision ms ({b['listedErrors']} listed,"
                     f" {b['unlisted']:,} counted; answer {b['status']})", f"{b['warmMedianMs']:,.0f} ms",
                     f"{b['firstMs']:,.0f} ms first", "—", "< 1 s, ≤ 64 MB", "yes" if met else "**no**"))
    else:
        rows.append(("(h)", f"findings bomb {b['bomb']}: whole validate process at -Xmx64m (median wall; peak RSS"
                     f" {b['peakRssMegabytes']} MB; exit {b['exitCodes']})", f"{b['medianWallSeconds']:.2f} s",
                     "—", "—", "(measured)", "—"))

java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
machine = (f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}; "
           f"{java[0]}; node {node}")
lines = [f"Machine: {machine}", "",
         "| | measure | ours | baseline | ratio | target | met |", "|---|---|---|---|---|---|---|"]
lines += ["| " + " | ".join(r) + " |" for r in rows]
text = "\n".join(lines) + "\n"
open(os.path.join(out, "summary.md"), "w").write(text)
print()
print(text)
PY
