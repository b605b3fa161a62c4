#!/usr/bin/env bash
# The Maven goal on 1,000 fixture files: time beyond an empty build.
#
# What it measures: the wall time of `mvn -B -q -o verify` on a throwaway project (bench/target/maven-goal/project,
# packaging pom) whose src/test/resources holds the 1,000 accepted request files of bench/corpus.sh (100 events
# each), with pinpoint-events:validate bound to it as a user would bind it:
#   empty   the same build with -Dpinpoint-events.skip=true: Maven starts, reads the POM, resolves and loads the
#           plugin, and the goal returns at once
#   goal    the build validating the 1,000 fixtures (and writing the default json, sarif and junit reports)
# The two are run alternately, RUNS times each after one untimed warm-up of each, so that noise from other work
# on the machine hits both alike. It prints median/min/max of each, the median time beyond the empty build, that
# per fixture and as requests/s, and, for context, `java -jar cli/target/pinpoint-events.jar validate DIR` on the
# same directory (median of RUNS, after one warm-up). Every goal build must pass (the corpus is all valid) and
# write its reports; every empty build must write none; otherwise the script fails. Beside the wall times, the
# table shows each command's median CPU seconds (user + system, all threads), which other work on the machine
# disturbs less.
# The last line printed is one JSON object with the numbers, for a parent script.
#
# The plugin comes from this reactor, installed into a private local repository, bench/target/maven-goal/m2,
# never into ~/.m2: a settings file (bench/target/maven-goal/settings.xml) lets that repository fetch everything
# else from ~/.m2/repository as a file:// repository (releases only, so no SNAPSHOT of ours installed there can
# shadow the one built here), with Maven Central behind it for anything missing. The timed builds run offline.
# The script checks that ~/.m2/repository/io/github/pinpointevents is the same (names, sizes, mtimes) afterwards.
#
# Usage: bench/maven-goal.sh [RUNS]     (default 5)
#   SKIP_BUILD=1 reuses the plugin in the private repository and cli/target/pinpoint-events.jar.
#   M2_REPO=DIR is the user's local repository to read from (default ~/.m2/repository).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
runs="${1:-5}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "maven-goal.sh: RUNS must be a positive number, not '$runs'" >&2; exit 2; }

user_repo="${M2_REPO:-$HOME/.m2/repository}"
work="$root/bench/target/maven-goal"
repo="$work/m2"
settings="$work/settings.xml"
project="$work/project"
fixtures="$project/src/test/resources/corpus"
cli_jar="cli/target/pinpoint-events.jar"
group_dir="$user_repo/io/github/pinpointevents"

read -r group_id version < <(python3 - <<'PY'
import xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
pom = ET.parse("pom.xml").getroot()
print(pom.find("m:groupId", ns).text, pom.find("m:version", ns).text)
PY
)

# Names, sizes and mtimes of everything of ours in the user's repository, to compare at the end.
snapshot_user_repo() {
  if [[ -d "$group_dir" ]]; then
    find "$group_dir" -printf '%P %s %T@\n' | LC_ALL=C sort
  fi
}
user_repo_before="$(snapshot_user_repo)"

mkdir -p "$work"
cat >"$settings" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by bench/maven-goal.sh: the private repository reads everything else from the user's. -->
<settings>
  <localRepository>$repo</localRepository>
  <profiles>
    <profile>
      <id>user-repository</id>
      <activation>
        <activeByDefault>true</activeByDefault>
      </activation>
      <repositories>
        <repository>
          <id>user-repository</id>
          <url>file://$user_repo</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>user-repository</id>
          <url>file://$user_repo</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
XML
mvn_private=(mvn -B -q -s "$settings" "-Dmaven.repo.local=$repo")

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Installing $group_id:pinpoint-events-maven-plugin:$version into $repo (and building $cli_jar) ..." >&2
  "${mvn_private[@]}" install -DskipTests -Dinvoker.skip=true -pl cli,maven-plugin -am >&2
fi
plugin_jar="$repo/${group_id//.//}/pinpoint-events-maven-plugin/$version/pinpoint-events-maven-plugin-$version.jar"
[[ -f "$plugin_jar" ]] || { echo "maven-goal.sh: $plugin_jar not found; run without SKIP_BUILD=1" >&2; exit 2; }
[[ -f "$cli_jar" ]] || { echo "maven-goal.sh: $cli_jar not found; run without SKIP_BUILD=1" >&2; exit 2; }

bench/corpus.sh "$cli_jar"
corpus=bench/target/corpus/valid
count="$(find "$corpus" -maxdepth 1 -name 'request-*.json' | wc -l)"
[[ "$count" == 1000 ]] || { echo "maven-goal.sh: expected 1000 requests in $corpus, found $count" >&2; exit 1; }

echo "Writing the throwaway project $project ..." >&2
rm -rf "$project"
mkdir -p "$fixtures"
# Hard links where the file system allows them: the same bytes, nothing copied.
cp -l "$corpus"/request-*.json "$fixtures"/ 2>/dev/null || cp "$corpus"/request-*.json "$fixtures"/
cat >"$project/pom.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.pinpoint</groupId>
  <artifactId>maven-goal</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>$group_id</groupId>
        <artifactId>pinpoint-events-maven-plugin</artifactId>
        <version>$version</version>
        <executions>
          <execution>
            <goals>
              <goal>validate</goal>
            </goals>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
XML

# One build online, so that whatever the project's build needs is in the private repository before -o.
echo "Resolving the project's build into $repo ..." >&2
"${mvn_private[@]}" -f "$project/pom.xml" verify -Dpinpoint-events.skip=true >&2

echo "Timing: $runs runs each of the empty build, the goal's build and the CLI, alternating (after a warm-up) ..." >&2
python3 - "$runs" "$project" "$settings" "$repo" "$cli_jar" "$fixtures" "$count" <<'PY'
import json, os, resource, shutil, statistics, subprocess, sys, time

runs, project, settings, repo, cli_jar, fixtures, count = sys.argv[1:]
runs, count = int(runs), int(count)
mvn = ["mvn", "-B", "-q", "-o", "-s", settings, f"-Dmaven.repo.local={repo}", "-f", os.path.join(project, "pom.xml"),
       "verify"]
reports = os.path.join(project, "target", "pinpoint-events")
report_json = os.path.join(reports, "pinpoint-events.json")

def run(name, cmd):
    shutil.rmtree(os.path.join(project, "target"), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if p.returncode != 0:
        sys.stderr.write(p.stdout.decode(errors="replace"))
        sys.exit(f"maven-goal.sh: the {name} failed (exit {p.returncode}): {' '.join(cmd)}")
    return elapsed, p.stdout.decode(errors="replace")

def empty():
    t, _ = run("empty build", mvn + ["-Dpinpoint-events.skip=true"])
    if os.path.exists(reports):
        sys.exit(f"maven-goal.sh: the empty build wrote {reports}: the goal was not skipped")
    return t

def goal():
    t, _ = run("goal's build", mvn)
    for name in ("pinpoint-events.json", "pinpoint-events.sarif", "TEST-pinpoint-events.xml"):
        if not os.path.isfile(os.path.join(reports, name)):
            sys.exit(f"maven-goal.sh: the goal's build wrote no {name} in {reports}")
    with open(report_json, encoding="utf-8") as f:
        summary = json.load(f).get("summary", {})
    if summary.get("requests") != count or summary.get("failed") != 0:
        sys.exit(f"maven-goal.sh: the goal's report does not say {count} requests, none failed: {summary}")
    return t

def cli():
    t, out = run("CLI", ["java", "-jar", cli_jar, "validate", fixtures])
    if f"{count} requests in {count} files: {count} passed, 0 failed" not in out:
        sys.exit(f"maven-goal.sh: the CLI did not pass all {count} requests:\n{out}")
    return t

cpu = []  # CPU seconds (user + system, all threads) of the last command run
times = {"empty": [], "goal": [], "cli": []}
cpus = {"empty": [], "goal": [], "cli": []}
order = [("empty", empty), ("goal", goal), ("cli", cli)]
for i in range(runs + 1):
    # Alternate which build goes first, too, so neither always follows the CLI's warm page cache.
    for key, fn in (order if i % 2 == 0 else order[1::-1] + order[2:]):
        t = fn()
        if i > 0:
            times[key].append(t)
            cpus[key].append(cpu[-1])
    if i > 0:
        print(f"  run {i}/{runs}: empty {times['empty'][-1]:.2f} s, goal {times['goal'][-1]:.2f} s, "
              f"cli {times['cli'][-1]:.2f} s", file=sys.stderr)

med = {k: statistics.median(v) for k, v in times.items()}
med_cpu = {k: statistics.median(v) for k, v in cpus.items()}
beyond = med["goal"] - med["empty"]
print()
# CPU seconds are summed over the JVM's threads (JIT and GC too): less sensitive to other work on the machine
# than the wall time, which is what a user waits for and what the numbers below are computed from.
print(f"{'':<44} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s':>7}")
for key, name in (("empty", "empty build (-Dpinpoint-events.skip=true)"), ("goal", "build with pinpoint-events:validate"),
                  ("cli", "java -jar pinpoint-events.jar validate DIR")):
    print(f"{name:<44} {med[key]:>9.2f} {min(times[key]):>7.2f} {max(times[key]):>7.2f} {med_cpu[key]:>7.2f}")
print()
print(f"fixtures: {count} files of 100 events ({runs} runs each)")
print(f"goal beyond the empty build (median - median): {beyond:.2f} s = {beyond / count * 1000:.2f} ms a fixture"
      f" = {count / beyond if beyond > 0 else float('inf'):,.0f} requests/s")
print(f"CLI, whole process:                            {med['cli']:.2f} s = {med['cli'] / count * 1000:.2f} ms a fixture"
      f" = {count / med['cli']:,.0f} requests/s")
print(json.dumps({"emptyBuildSeconds": round(med["empty"], 3), "goalBuildSeconds": round(med["goal"], 3),
                  "beyondEmptySeconds": round(beyond, 3),
                  "msPerFixture": round(beyond / count * 1000, 3),
                  "requestsPerSecond": round(count / beyond, 1) if beyond > 0 else None,
                  "fixtures": count, "runs": runs, "cliSeconds": round(med["cli"], 3),
                  "cpuSeconds": {k: round(v, 3) for k, v in med_cpu.items()}}))
PY

user_repo_after="$(snapshot_user_repo)"
if [[ "$user_repo_before" != "$user_repo_after" ]]; then
  echo "maven-goal.sh: $group_dir changed during the run (by this script, or by another build installing there):" >&2
  diff <(echo "$user_repo_before") <(echo "$user_repo_after") >&2 || true
  exit 1
fi
echo "$group_dir: unchanged (names, sizes, mtimes)." >&2
