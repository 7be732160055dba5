#!/usr/bin/env bash
# Benchmark: GET /api/v1/orders/{id} of the reference service (JWT auth, request ids, JSON access log, metrics,
# rate-limit and body-size filters, security headers: every production feature on) against a bare Spring Boot
# endpoint returning the same JSON from the same database row, under wrk, in the same run.
#
#   bench/reference-service/run.sh            5 rounds of 10 s per server, 32 connections, after a warm-up
#   ROUNDS=7 DURATION=20s WARMUP_MAX=600 CONNECTIONS=64 bench/reference-service/run.sh
#   SKIP_BUILD=1 bench/reference-service/run.sh   reuse reference-service/target's jar
#   SERVICE_JAR=/tmp/other.jar SKIP_BUILD=1 ...    measure that jar instead (another build, kept aside)
#   FULL_ARGS="--logging.level.access=warn" ...   extra arguments for the full service (to switch features off)
#   FULL_JVM_ARGS="-XX:StartFlightRecording=filename=full.jfr" ...   JVM options for the full service (to profile it)
#   B_ARGS="--spring.datasource.hikari.maximum-pool-size=32" ...   A/B: a third server, the full service with these
#       arguments (and B_JVM_ARGS, and B_JAR: another build's jar) in addition to FULL_ARGS, measured in the same rounds;
#       the ratio b/full is then printed too (by CPU per request: above 1 means b is cheaper)
#
# Both servers run on CPU 0 and wrk on CPU 1 (taskset), one server loaded at a time, the order alternating each
# round; both use the local PostgreSQL (127.0.0.1:5432 user postgres), in a database created for the run and dropped
# after it. Prints per round requests/s, p99 latency and the server's CPU time per request (user + system of the
# server process over the round, divided by its requests: the figure least disturbed by other work on a shared
# machine), then the medians and the ratios full / bare.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=${ROUNDS:-5}
WORK="$ROOT/bench/work/reference-service"
DB="rs_bench_$$"

# shellcheck source=common.sh
source "$ROOT/bench/reference-service/common.sh"
FULL_PORT=${FULL_PORT:-$(free_port 18281)}
BARE_PORT=${BARE_PORT:-$(free_port $((FULL_PORT + 1)))}
prepare_jar

psql $PG -qc "CREATE DATABASE $DB" test
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
    psql $PG -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" test || true
}
trap cleanup EXIT


echo "starting the servers on CPU $SERVER_CPU ..."
start_full() { # name port jar jvm-args args
    SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres \
        taskset -c "$SERVER_CPU" "$JAVA" $4 -jar "$3" --server.port="$2" \
        --reference.rate-limit.auth.capacity=1000 --reference.rate-limit.api.capacity=1000000000 \
        --reference.auth.orders-need-verified-email=false ${FULL_ARGS:-} $5 \
        > "$WORK/$1.log" 2>&1 &
}
start_full full "$FULL_PORT" "$JAR" "${FULL_JVM_ARGS:-}" ""
full_pid=$!
pids+=($full_pid)
wait_ready "http://127.0.0.1:$FULL_PORT/health/ready" "$full_pid" "$WORK/full.log"
SERVERS="full bare"
if [ -n "${B_ARGS:-}${B_JVM_ARGS:-}${B_JAR:-}" ]; then
    B_PORT=${B_PORT:-$(free_port $((BARE_PORT + 1)))}
    start_full b "$B_PORT" "${B_JAR:-$JAR}" "${B_JVM_ARGS:-${FULL_JVM_ARGS:-}}" "${B_ARGS:-}"
    b_pid=$!
    pids+=($b_pid)
    wait_ready "http://127.0.0.1:$B_PORT/health/ready" "$b_pid" "$WORK/b.log"
    SERVERS="full bare b"
fi
# the bare server gets only what the endpoint needs from the same libraries (Boot, Spring MVC on Tomcat, Jackson,
# JdbcClient on Hikari, Logback): an allowlist, because Boot auto-configures whatever it finds (observations,
# tracing, the job scheduler), and a bare endpoint that pays for those is not bare
BARE_CP=$(ls "$WORK"/extracted/lib/*.jar | grep -E '/(spring-(core|beans|context|aop|expression|web|webmvc|jdbc|tx)-[0-9]|spring-boot-([0-9]|autoconfigure|tomcat|web-server|webmvc|servlet|http-converter|jackson|jdbc|sql|transaction|persistence)|tomcat-embed-|jakarta\.annotation|jackson-|HikariCP|postgresql|logback-|slf4j-api|jul-to-slf4j|log4j-|micrometer-(commons|observation)|jspecify|commons-logging|snakeyaml)' \
    | paste -sd: -)
taskset -c "$SERVER_CPU" "$JAVA" -cp "$BARE_CP" "$ROOT/bench/reference-service/bench/BareOrders.java" \
    --server.port="$BARE_PORT" --spring.datasource.url="$URL" --spring.datasource.username=postgres \
    --spring.main.banner-mode=off --spring.threads.virtual.enabled=true --spring.jackson.default-property-inclusion=non_null \
    > "$WORK/bare.log" 2>&1 &
bare_pid=$!
pids+=($bare_pid)

API="http://127.0.0.1:$FULL_PORT/api/v1"
curl -sf -X POST "$API/auth/register" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple","displayName":"Bench"}' >/dev/null
TOKEN=$(curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
ID=$(curl -sf -X POST "$API/orders" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"currency":"EUR","lines":[{"product":"Tea","quantity":3,"unitPrice":"0.10"},{"product":"Teapot","quantity":1,"unitPrice":"19.99"}]}' \
    | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
FULL_URL="$API/orders/$ID"
if [ -n "${b_pid:-}" ]; then # the same user signs in to b (its signing key is its own)
    B_TOKEN=$(curl -sf -X POST "http://127.0.0.1:$B_PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"correct horse battery staple"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
    B_URL="http://127.0.0.1:$B_PORT/api/v1/orders/$ID"
    echo "b:    $(curl -s -H "Authorization: Bearer $B_TOKEN" "$B_URL" | head -c 120)..."
fi
BARE_URL="http://127.0.0.1:$BARE_PORT/bare/orders/$ID"
wait_ready "$BARE_URL" "$bare_pid" "$WORK/bare.log"
echo "full: $(curl -s -H "Authorization: Bearer $TOKEN" "$FULL_URL" | head -c 120)..."
echo "bare: $(curl -s "$BARE_URL" | head -c 120)..."

echo "warming up ..."
warm_up full "$full_pid" "$FULL_URL" "Authorization: Bearer $TOKEN"
warm_up bare "$bare_pid" "$BARE_URL"
if [ -n "${b_pid:-}" ]; then warm_up b "$b_pid" "$B_URL" "Authorization: Bearer $B_TOKEN"; fi


declare -A rps_of cpu_of
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-5s %12s %10s %14s %8s\n' round server "requests/s" p99 "CPU us/req" "JIT ms"
read -ra servers <<<"$SERVERS"
for round in $(seq 1 "$ROUNDS"); do
    # each round starts with the next server, so that none is always measured first or last
    for i in $(seq 0 $((${#servers[@]} - 1))); do
        server=${servers[$(((round - 1 + i) % ${#servers[@]}))]}
        quiet_round_begin
        case $server in
            full) read -r _ rps p99 cpu jit err <<<"$(run_wrk full "$full_pid" "$FULL_URL" "Authorization: Bearer $TOKEN")" ;;
            bare) read -r _ rps p99 cpu jit err <<<"$(run_wrk bare "$bare_pid" "$BARE_URL")" ;;
            b) read -r _ rps p99 cpu jit err <<<"$(run_wrk b "$b_pid" "$B_URL" "Authorization: Bearer $B_TOKEN")" ;;
        esac
        rps_of[$server]+="$rps "; cpu_of[$server]+="$cpu "
        quiet_round_end "$round ($server)"
        check_jit "$round ($server)" "$jit"
        printf '%-6s %-5s %12s %10s %14s %8s %s\n' "$round" "$server" "$rps" "$p99" "$cpu" "$jit" "$err"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A med_rps med_cpu
for server in "${servers[@]}"; do
    # shellcheck disable=SC2086
    med_rps[$server]=$(median ${rps_of[$server]}); med_cpu[$server]=$(median ${cpu_of[$server]})
    # shellcheck disable=SC2086
    echo "$server: requests/s median ${med_rps[$server]} (spread $(spread ${rps_of[$server]})), CPU us/request median" \
        "${med_cpu[$server]} (spread $(spread ${cpu_of[$server]}))"
    # shellcheck disable=SC2086
    quiet_outliers "$server requests/s" ${rps_of[$server]}
    # shellcheck disable=SC2086
    quiet_outliers "$server CPU us/request" ${cpu_of[$server]}
done
quiet_verdict
if [ -n "${b_pid:-}" ]; then
    echo "ratio b/full: requests/s $(awk -v f="${med_rps[b]}" -v b="${med_rps[full]}" 'BEGIN {printf "%.2f", f/b}')," \
        "by CPU per request $(awk -v f="${med_cpu[b]}" -v b="${med_cpu[full]}" 'BEGIN {printf "%.2f", b/f}') (above 1: b is cheaper)"
fi
echo "ratio full/bare: requests/s $(awk -v f="${med_rps[full]}" -v b="${med_rps[bare]}" 'BEGIN {printf "%.2f", f/b}') (goal >= 0.9 with the read cache on, >= 0.8 off: #22)," \
    "by CPU per request $(awk -v f="${med_cpu[full]}" -v b="${med_cpu[bare]}" 'BEGIN {printf "%.2f", b/f}')"
quiet_exit
