#!/usr/bin/env bash
# Benchmark: what each production feature of the reference service costs on the hot path of
# GET /api/v1/orders/{id}, measured by switching the features off one at a time (issue #22). Every configuration is
# a fresh start of the same jar on CPU 0, warmed up until its rate is stable, then ROUNDS rounds of wrk on CPU 1; the
# figure is the server's CPU time per request (user + system over the round / requests), the one least disturbed by
# other work. "all on" runs first and last: the drift between the two says how far to trust the differences.
#
#   bench/reference-service/features.sh                  3 rounds of 10 s per configuration
#   ROUNDS=5 SKIP_BUILD=1 bench/reference-service/features.sh
#   ONLY="access-log rate-limit" bench/reference-service/features.sh   some configurations only
#
# Filters are switched off by bench/FeaturesOff.java (a pass-through filter stands in for the named bean; the service
# itself has no such switch); the rest by the service's and Spring Boot's own settings. Security (the filter chain and
# the token check) cannot be switched off: the endpoint needs its caller. Its cost is the part of the remaining gap to
# bench/reference-service/run.sh's bare endpoint that the other features do not explain.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=${ROUNDS:-3}
WORK="$ROOT/bench/work/reference-service-features"
DB="rs_features_$$"

# name|what is off|arguments
CONFIGURATIONS=(
    "all-on|nothing (the default start)|"
    "access-log|the JSON access log line per request|--bench.off=accessLogFilter"
    "request-id|the request id (header, MDC)|--bench.off=requestIdFilter"
    "rate-limit|the per-caller rate limit|--bench.off=rateLimitFilter"
    "idempotency|the idempotency-key filter|--bench.off=idempotencyFilter"
    "body-limit|the request body size limit|--bench.off=bodySizeLimitFilter"
    "path-firewall|the encoded-path firewall|--bench.off=pathFirewall"
    "metrics|the http.server.requests observation (metrics; spans when tracing is on)|--management.observations.enable.http.server.requests=false"
    "read-cache|the read cache (every request reaches PostgreSQL)|--reference.cache.enabled=false"
    "virtual-threads|virtual threads (Tomcat's platform thread pool instead)|--spring.threads.virtual.enabled=false"
    "all-on-again|nothing (the drift check)|"
)

# shellcheck source=common.sh
source "$ROOT/bench/reference-service/common.sh"
prepare_jar
rm -rf "$WORK/classes"
APP="$WORK/extracted/$(basename "$JAR")"
MAIN=$(unzip -p "$JAR" META-INF/MANIFEST.MF | awk -F': ' '/^Start-Class/ {print $2}' | tr -d '\r')
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$APP:$WORK/extracted/lib/*" \
    "$ROOT/bench/reference-service/bench/FeaturesOff.java"

PORT=${PORT:-$(free_port)}

psql $PG -qc "CREATE DATABASE $DB" test
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
server_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        while kill -0 "$server_pid" 2>/dev/null; do sleep 0.2; done
        server_pid=""
    fi
}
cleanup() {
    stop_server
    psql $PG -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" test || true
}
trap cleanup EXIT

API="http://127.0.0.1:$PORT/api/v1"
start_server() { # name args...
    local name=$1; shift
    SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres \
        taskset -c "$SERVER_CPU" "$JAVA" -cp "$APP:$WORK/classes" "$MAIN" --server.port="$PORT" \
        --spring.main.sources=bench.FeaturesOff \
        --reference.rate-limit.auth.capacity=1000 --reference.rate-limit.api.capacity=1000000000 \
        --reference.auth.orders-need-verified-email=false "$@" > "$WORK/$name.log" 2>&1 &
    server_pid=$!
    wait_ready "http://127.0.0.1:$PORT/health/ready" "$server_pid" "$WORK/$name.log"
}

# the user and the order, made once (the database stays across configurations)
start_server setup
curl -sf -X POST "$API/auth/register" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple","displayName":"Bench"}' >/dev/null
login() {
    curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"correct horse battery staple"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
TOKEN=$(login)
ID=$(curl -sf -X POST "$API/orders" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"currency":"EUR","lines":[{"product":"Tea","quantity":3,"unitPrice":"0.10"},{"product":"Teapot","quantity":1,"unitPrice":"19.99"}]}' \
    | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
stop_server

# says whether the switch took: a filter's stand-in is logged; the observation leaves no http_server_requests series
took_effect() { # name args...
    local name=$1; shift
    case "$*" in
        *--bench.off=*) grep -q "bench: the filter" "$WORK/$name.log" ;;
        *observations.enable.http.server.requests=false*)
            ! curl -sf "http://127.0.0.1:$PORT/prometheus" | grep -q '^http_server_requests_seconds_count' ;;
        *) return 0 ;;
    esac
}

declare -A cpu_of rps_of
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for entry in "${CONFIGURATIONS[@]}"; do
    IFS='|' read -r name what args <<<"$entry"
    if [ -n "${ONLY:-}" ] && [[ " all-on all-on-again $ONLY " != *" $name "* ]]; then continue; fi
    echo "== $name: off: $what"
    # shellcheck disable=SC2086
    start_server "$name" $args
    TOKEN=$(login)
    FULL_URL="$API/orders/$ID"
    warm_up "$name" "$FULL_URL" "Authorization: Bearer $TOKEN"
    # shellcheck disable=SC2086
    if ! took_effect "$name" $args; then
        echo "  the switch $args did not take effect (see $WORK/$name.log)" >&2
        QUIET_PROBLEMS+=("$name: the switch did not take effect")
    fi
    rps=(); cpu=()
    for round in $(seq 1 "$ROUNDS"); do
        quiet_round_begin
        read -r _ r p99 c err <<<"$(run_wrk "$name" "$server_pid" "$FULL_URL" "Authorization: Bearer $TOKEN")"
        quiet_round_end "$round ($name)"
        printf '  round %s: %10s requests/s  p99 %8s  %6s us CPU/request %s\n' "$round" "$r" "$p99" "$c" "$err"
        rps+=("$r"); cpu+=("$c")
    done
    quiet_outliers "$name CPU us/request" "${cpu[@]}"
    cpu_of[$name]=$(median "${cpu[@]}"); rps_of[$name]=$(median "${rps[@]}")
    stop_server
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

base=$(awk -v a="${cpu_of[all-on]}" -v b="${cpu_of[all-on-again]}" 'BEGIN {printf "%.1f", (a + b) / 2}')
echo
echo "| feature switched off | requests/s | CPU µs/request | the feature's cost (µs, % of all on) |"
echo "|---|---|---|---|"
for entry in "${CONFIGURATIONS[@]}"; do
    IFS='|' read -r name what _ <<<"$entry"
    [ -n "${cpu_of[$name]:-}" ] || continue
    awk -v n="$name" -v w="$what" -v r="${rps_of[$name]}" -v c="${cpu_of[$name]}" -v b="$base" 'BEGIN {
        if (n ~ /^all-on/) printf "| %s | %s | %s | (the anchor) |\n", n, r, c;
        else printf "| %s: %s | %s | %s | %.1f µs, %.0f %% |\n", n, w, r, c, b - c, 100 * (b - c) / b }'
done
quiet_verdict
echo "drift between the two all-on runs: ${cpu_of[all-on]} vs ${cpu_of[all-on-again]} us CPU/request" \
    "($(awk -v a="${cpu_of[all-on]}" -v b="${cpu_of[all-on-again]}" 'BEGIN {printf "%.0f", 100 * (b - a) / a}') %)"
quiet_exit
