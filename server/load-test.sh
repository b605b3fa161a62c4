#!/usr/bin/env bash
# A larger run of the server's bounded loopback load test (server/src/test/.../LoadTest.java).
#
#   server/load-test.sh [CLIENTS] [REQUESTS_PER_CLIENT] [EVENTS_PER_REQUEST]
#
# Defaults: 8 clients x 500 requests x 20 events (the test suite runs 8 x 250 x 10). Every client sends its
# requests one after another on one keep-alive connection to 127.0.0.1; the run stops when all are answered. It
# fails if any request fails or any accepted event is missing from the record (memory and NDJSON file), and
# prints one line: requests/s, events/s, latency p50/p99/max. Nothing leaves the loopback interface.
# Builds with the reactor from the repository root; never installs into ~/.m2. Pass -o in MAVEN_ARGS to stay offline.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
requests=${2:-500}
events=${3:-20}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
mvn -B -q ${MAVEN_ARGS:-} verify -pl server -am \
    -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpinpoint.load.clients="$clients" -Dpinpoint.load.requests="$requests" -Dpinpoint.load.events="$events" \
    >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
    cat "$log"
    exit "$status"
fi
grep -o 'pinpoint-events serve load:.*' "$log"
