#!/usr/bin/env bash
# Writes cli/src/test/resources/differential/baseline.tsv, the baseline of DifferentialReportTest: the digests of
# what validate printed at a reference commit (default 09e4bdb, main before issue 11's engine was reshaped) for
# every run of DifferentialRun.all(). Run it from anywhere in a worktree; it builds that commit's jar in a
# temporary git worktree (never mvn install) and this tree's test classes, which make the mutated corpus and
# run the jar. See docs/development.md.
set -euo pipefail
commit=${1:-09e4bdb}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/base" "$commit" >/dev/null
(cd "$work/base" && mvn -B -q -pl cli -am package -DskipTests -Dpinpoint.cds.skip=true)
(cd "$root" && mvn -B -q -pl cli -am test-compile dependency:build-classpath -Dpinpoint.cds.skip=true \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath")
java -cp "$root/cli/target/test-classes:$root/cli/target/classes:$(cat "$work/classpath")" \
    io.github.pinpointevents.cli.DifferentialBaseline "$work/base/cli/target/pinpoint-events.jar" "$root" \
    "$root/cli/src/test/resources/differential/baseline.tsv" "$(git -C "$root" rev-parse --short=7 "$commit")"
