#!/usr/bin/env bash
# Benchmark: GET /api/v1/orders/{id} of the reference service (JWT auth, request ids, JSON access log, metrics,
# rate-limit and body-size filters, security headers: every production feature on) against a bare Spring Boot
# endpoint returning the same JSON from the same database row, under wrk, in the same run.
#
#   bench/reference-service/run.sh            5 rounds of 10 s per server, 32 connections, after a warm-up
#   ROUNDS=7 DURATION=20s WARMUP_MAX=600 CONNECTIONS=64 bench/reference-service/run.sh
#   SKIP_BUILD=1 bench/reference-service/run.sh   reuse reference-service/target's jar
#   FULL_ARGS="--logging.level.access=warn" ...   extra arguments for the full service (to switch features off)
#   FULL_JVM_ARGS="-XX:StartFlightRecording=filename=full.jfr" ...   JVM options for the full service (to profile it)
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


echo "starting both servers on CPU $SERVER_CPU ..."
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres \
    taskset -c "$SERVER_CPU" "$JAVA" ${FULL_JVM_ARGS:-} -jar "$JAR" --server.port="$FULL_PORT" \
    --reference.rate-limit.auth.capacity=1000 --reference.rate-limit.api.capacity=1000000000 \
    --reference.auth.orders-need-verified-email=false ${FULL_ARGS:-} \
    > "$WORK/full.log" 2>&1 &
full_pid=$!
pids+=($full_pid)
wait_ready "http://127.0.0.1:$FULL_PORT/health/ready" "$full_pid" "$WORK/full.log"
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
BARE_URL="http://127.0.0.1:$BARE_PORT/bare/orders/$ID"
wait_ready "$BARE_URL" "$bare_pid" "$WORK/bare.log"
echo "full: $(curl -s -H "Authorization: Bearer $TOKEN" "$FULL_URL" | head -c 120)..."
echo "bare: $(curl -s "$BARE_URL" | head -c 120)..."

echo "warming up ..."
warm_up full "$FULL_URL" "Authorization: Bearer $TOKEN"
warm_up bare "$BARE_URL"


full_rps=(); bare_rps=(); full_cpu=(); bare_cpu=()
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-5s %12s %10s %14s\n' round server "requests/s" p99 "CPU us/req"
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then order="full bare"; else order="bare full"; fi
    for server in $order; do
        quiet_round_begin
        if [ "$server" = full ]; then
            read -r _ rps p99 cpu err <<<"$(run_wrk full "$full_pid" "$FULL_URL" "Authorization: Bearer $TOKEN")"
            full_rps+=("$rps"); full_cpu+=("$cpu")
        else
            read -r _ rps p99 cpu err <<<"$(run_wrk bare "$bare_pid" "$BARE_URL")"
            bare_rps+=("$rps"); bare_cpu+=("$cpu")
        fi
        quiet_round_end "$round ($server)"
        printf '%-6s %-5s %12s %10s %14s %s\n' "$round" "$server" "$rps" "$p99" "$cpu" "$err"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fm=$(median "${full_rps[@]}"); bm=$(median "${bare_rps[@]}")
fc=$(median "${full_cpu[@]}"); bc=$(median "${bare_cpu[@]}")
echo "requests/s median (spread): full $fm ($(spread "${full_rps[@]}")), bare $bm ($(spread "${bare_rps[@]}"))"
echo "CPU us/request median: full $fc, bare $bc"
quiet_outliers "full requests/s" "${full_rps[@]}"
quiet_outliers "bare requests/s" "${bare_rps[@]}"
quiet_outliers "full CPU us/request" "${full_cpu[@]}"
quiet_outliers "bare CPU us/request" "${bare_cpu[@]}"
quiet_verdict
echo "ratio full/bare: requests/s $(awk -v f="$fm" -v b="$bm" 'BEGIN {printf "%.2f", f/b}') (goal >= 0.9 with the read cache on, >= 0.8 off: #22)," \
    "by CPU per request $(awk -v f="$fc" -v b="$bc" 'BEGIN {printf "%.2f", b/f}')"
quiet_exit
