#!/usr/bin/env bash
# serve against nginx under the same wrk load, in one run. From a clean clone:
#
#   bench/serve-vs-nginx.sh        about 4 minutes; DURATION=5 for a rougher, shorter run
#
# Needs Debian's wrk and nginx (apt-get install wrk nginx-light), Java 17 and Maven; SKIP_BUILD=1 uses the
# jar already in cli/target. For each body (one generated 20-event request, 5.5 KB; and
# samples/valid/amplify-android-100-events.json) it
#   1. asks serve once for its real answer, and starts nginx on loopback answering every request 202 with
#      those same bytes (bench/nginx/nginx.conf.template);
#   2. runs wrk (8 connections, 2 threads, DURATION seconds, POST via bench/post.lua) against nginx, against
#      serve --record FILE, and against serve --record FILE --fsync, each after a WARMUP-second run;
#   3. checks that every request wrk saw answered was answered 202 and that its events are all in the record
#      file (lines added = answered requests x events, plus at most one request per connection in flight
#      when wrk stopped counting);
#   4. runs the JMH benchmark ServeWorkBenchmark on the same body with 2 threads (one per core): the
#      decision, the accepted events' text and the answer's bytes with no HTTP, journal or file, a ceiling
#      serve's requests/s cannot pass on this machine; and Jackson reading the body's tokens alone, a
#      ceiling for any decision built on Jackson.
# Prints a table: requests/s, p50, p99, serve's share of nginx's requests/s. Everything it starts is on
# 127.0.0.1, bounded by DURATION, and stopped on exit. Output kept in bench/target/serve-vs-nginx/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION="${DURATION:-10}"
# -XX:+PrintCompilation under this load: about 7,000 compilations in serve's first 10 s, 130 in the next 5 and
# a few dozen after, so a 5 s warm-up left the JIT compiling through the measured run.
WARMUP="${WARMUP:-15}"
CONNECTIONS=8
out=bench/target/serve-vs-nginx
jar=cli/target/pinpoint-events.jar
benchmarks=bench/target/benchmarks.jar

for tool in wrk nginx; do
    if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$tool" ]]; then
        echo "serve-vs-nginx: needs $tool (Debian: apt-get install wrk nginx-light)" >&2
        exit 2
    fi
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" || ! -f "$benchmarks" ]]; then
    mvn -B -q -Pbench -pl cli,bench -am package -DskipTests -Dpinpoint.cds.skip=true >&2
fi
rm -rf "$out"
mkdir -p "$out"

pids=()
cleanup() {
    for pid in ${pids[@]+"${pids[@]}"}; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts serve with the given options; sets serve_pid and serve_url.
start_serve() {
    local log="$1"; shift
    java -jar "$jar" serve "$@" >"$log" 2>&1 &
    serve_pid=$!
    pids+=("$serve_pid")
    for _ in $(seq 1 100); do
        if grep -q '^Listening on ' "$log"; then
            serve_url="$(sed -n 's/^Listening on //p' "$log")"
            return 0
        fi
        sleep 0.1
    done
    echo "serve-vs-nginx: serve did not start: $(cat "$log")" >&2
    exit 1
}

stop() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# wrk NAME URL BODY: warm-up run, then the measured run; its JSON line goes to $out/NAME.json.
run_wrk() {
    local name="$1" url="$2" body="$3"
    BODY_FILE="$body" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/post.lua "$url" >/dev/null
    BODY_FILE="$body" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/post.lua "$url" \
        >"$out/$name.wrk.txt"
    grep '^{' "$out/$name.wrk.txt" >"$out/$name.json"
}

lines() { if [[ -f "$1" ]]; then wc -l <"$1"; else echo 0; fi; }

# A serve run: warm up, count the record file's lines, measure, wait for the last requests, count again.
measure_serve() {
    local name="$1" body="$2" events="$3"; shift 3
    local record="$out/$name.ndjson"
    sync   # the dirty pages of an earlier run's file would be written back during this one
    start_serve "$out/$name.log" --record "$record" "$@"
    BODY_FILE="$body" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/post.lua "$serve_url" >/dev/null
    sleep 0.5
    local before; before="$(lines "$record")"
    BODY_FILE="$body" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/post.lua "$serve_url" \
        >"$out/$name.wrk.txt"
    grep '^{' "$out/$name.wrk.txt" >"$out/$name.json"
    sleep 0.5
    local after; after="$(lines "$record")"
    stop "$serve_pid"
    rm -f "$record"   # gigabytes; deleted, its unwritten pages are dropped rather than written back
    python3 - "$out/$name.json" "$((after - before))" "$events" "$CONNECTIONS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); added, events, conns = map(int, sys.argv[2:])
low, high = r["requests"] * events, (r["requests"] + conns) * events
ok = r["non2xx"] == 0 and r["errors"] == 0 and low <= added <= high and added % events == 0
r.update(recorded=added, expected_at_least=low, recorded_ok=ok)
json.dump(r, open(sys.argv[1], "w"))
if not ok:
    sys.exit(f"serve-vs-nginx: {sys.argv[1]}: {added} lines recorded for {r['requests']} answered requests"
             f" of {events} events ({r['non2xx']} not 2xx, {r['errors']} socket errors)")
PY
}

# The bodies: one generated 20-event request, and the 100-event sample.
java -jar "$jar" generate --count 1 --seed 1 --endpoints-per-request 1 --events-per-request 20 --format ndjson \
    --output "$out/generated-20.ndjson" >/dev/null
# The line is a PutEvents input ({"ApplicationId", "EventsRequest"}); the HTTP body is its EventsRequest.
python3 -c 'import json,sys; sys.stdout.write(json.dumps(json.loads(open(sys.argv[1]).readline())["EventsRequest"],
    separators=(",", ":")))' "$out/generated-20.ndjson" >"$out/body-20.json"
cp samples/valid/amplify-android-100-events.json "$out/body-100.json"

for size in 20 100; do
    body="$out/body-$size.json"
    # serve's real answer to this body, for nginx to return byte for byte.
    start_serve "$out/probe-$size.log"
    curl -s -o "$out/answer-$size.json" -w '%{http_code}' --data-binary @"$body" \
        -H 'Content-Type: application/json' "$serve_url/v1/apps/bench/events" >"$out/probe-$size.status"
    stop "$serve_pid"
    events="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["Results"]
print(sum(1 for i in r.values() for e in i["EventsItemResponse"].values() if e["StatusCode"]==202))' \
        "$out/answer-$size.json")"
    if [[ "$(cat "$out/probe-$size.status")" != 202 ]]; then
        echo "serve-vs-nginx: unexpected answer to $body: $(head -c 300 "$out/answer-$size.json")" >&2
        exit 1
    fi
    port="$(free_port)"
    prefix="$(cd "$out" && pwd)/nginx-$size"
    mkdir -p "$prefix"
    cp "$out/answer-$size.json" "$prefix/answer.json"
    sed -e "s|@PREFIX@|$prefix|g" -e "s|@PORT@|$port|g" bench/nginx/nginx.conf.template >"$prefix/nginx.conf"
    "$NGINX" -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;' 2>"$prefix/stderr" &
    nginx_pid=$!
    pids+=("$nginx_pid")
    for _ in $(seq 1 50); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && break
        sleep 0.1
    done
    status="$(curl -s -o "$prefix/check.json" -w '%{http_code}' --data-binary @"$body" "http://127.0.0.1:$port/v1/apps/bench/events")"
    if [[ "$status" != 202 ]] || ! cmp -s "$prefix/check.json" "$out/answer-$size.json"; then
        echo "serve-vs-nginx: nginx answered $status, not serve's 202 answer" >&2
        exit 1
    fi
    sync
    run_wrk "nginx-$size" "http://127.0.0.1:$port" "$body"
    stop "$nginx_pid"

    measure_serve "serve-$size" "$body" "$events"
    measure_serve "serve-fsync-$size" "$body" "$events" --fsync
    # The ceiling: serve's own work on this body, no HTTP, on both cores, nothing else running.
    java -jar "$benchmarks" ServeWorkBenchmark -p body="$body" -t 2 -f 1 -wi 3 -w 2s -i 5 -r 2s \
        -rf json -rff "$out/ceiling-$size.jmh.json" >"$out/ceiling-$size.txt"
    echo "$size $events $(wc -c <"$body") $(wc -c <"$out/answer-$size.json")" >>"$out/bodies.txt"
done

python3 - "$out" "$DURATION" <<'PY' | tee "$out/summary.md"
import json, sys, os
out, duration = sys.argv[1], sys.argv[2]
print(f"wrk -t2 -c8 -d{duration}s, POST /v1/apps/bench/events (bench/post.lua), 127.0.0.1\n")
print("| body | server | requests/s | p50 | p99 | of nginx's requests/s | events recorded |")
print("|---|---|---|---|---|---|---|")
for line in open(os.path.join(out, "bodies.txt")):
    size, events, body_bytes, answer_bytes = line.split()
    runs = {n: json.load(open(os.path.join(out, f"{n}-{size}.json"))) for n in ("nginx", "serve", "serve-fsync")}
    base = runs["nginx"]["requests"] / runs["nginx"]["seconds"]
    label_body = f"{events} events, {int(body_bytes):,} B (answer {int(answer_bytes):,} B)"
    for name, label in (("nginx", "nginx (fixed 202)"), ("serve", "serve --record"),
                        ("serve-fsync", "serve --record --fsync")):
        r = runs[name]
        rps = r["requests"] / r["seconds"]
        rec = "" if name == "nginx" else f"{r['recorded']:,} (>= {r['expected_at_least']:,}) ok"
        print(f"| {label_body} | {label} | {rps:,.0f} |"
              f" {r['p50_us'] / 1000:.2f} ms | {r['p99_us'] / 1000:.2f} ms | {rps / base:.3f} | {rec} |")
    jmh = {r["benchmark"].rsplit(".", 1)[-1]: r["primaryMetric"]
           for r in json.load(open(os.path.join(out, f"ceiling-{size}.jmh.json")))}
    for method, label in (("putEvents", "ceiling: serve's work, no HTTP (JMH ServeWorkBenchmark, 2 threads)"),
                          ("jacksonTokens", "ceiling of any Jackson-based decision: the body's tokens, nothing"
                                            " else (JMH, 2 threads)")):
        m = jmh[method]
        print(f"| {label_body} | {label} | {m['score']:,.0f} ± {m['scoreError']:,.0f} | | |"
              f" {m['score'] / base:.3f} | |")
PY
