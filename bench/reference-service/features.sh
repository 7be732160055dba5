#!/usr/bin/env bash
# Benchmark: what each production feature of the reference service costs on the hot path of an authenticated
# GET /api/v1/orders/{id} (issue #22), by switching the features off one at a time. The figure is the server's CPU
# time per request (user + system over a round / requests: the one least disturbed by other work); the server runs on
# CPU 0, wrk on CPU 1.
#
#   bench/reference-service/features.sh                 everything, about 20 minutes on a quiet 2-core machine
#   SKIP_BUILD=1 bench/reference-service/features.sh    reuse reference-service/target's jar
#   ONLY="access-log metrics" RESTARTED="" ...          some features only (names below)
#   ROUNDS=5 STARTS=3 TIME_BUDGET=2400 ...              more rounds, more starts, more time
#
# Two ways of switching, because a fresh JVM per configuration varies by more than one filter costs:
#
# 1. Switched in one running JVM (SWITCHED, default all): security (the whole Spring Security chain), token-check (the
#    bearer token filter alone), access-log, request-id, rate-limit, idempotency, body-limit, path-firewall, metrics
#    (the http.server.requests observation), and all-switched (all of them at once). bench/FeaturesOff.java, added
#    with --spring.main.sources=bench.FeaturesOff, turns them off and on while the service runs (the service itself
#    has no such switch). One start, every switch flipped once before the warm-up so that the JIT has seen both sides,
#    warmed up until the JIT is quiet; then ROUNDS rounds (default 3), each going through the features in a rotated
#    order as "all on, X off, all on, Y off, ..., all on", DURATION each (default 5s). X's cost in a round is the mean
#    of the two all-on windows around it minus the X-off window; the table gives the median over the rounds and their
#    spread. A switch that no request passed by is reported (the run is then marked disturbed).
# 2. Restarted, one JVM per start (RESTARTED, default "virtual-threads tracing"): what only a start can change.
#    virtual-threads: Tomcat's platform thread pool instead; tracing: turned ON (it is off by default), sampling 0.1
#    of the requests and exporting over OTLP to a closed port. STARTS starts per configuration (default 2),
#    interleaved with all-on starts (X, Y, all on, X, Y, all on); each start is warmed up until the JIT is quiet and
#    measured over ROUNDS rounds; the figure per start is its median, the table gives the median over the starts and
#    the spread, and the all-on starts' spread is the resolution of this part.
#
# Problem handling (the ProblemDetail handler and the error valve) is not on a successful request's path, and the
# read cache has its own A/B in run.sh (FULL_ARGS="--reference.cache.enabled=false"): neither has a row here.
#
# Time: TIME_BUDGET seconds in all (default 1500, 25 minutes); a start that would not fit is left out and the run
# marked disturbed. Each warm-up stops at WARMUP_MAX (default 300 s; see common.sh). Like the other benches it
# refuses a busy machine (bench/quiet.sh: exit 4; BENCH_ALLOW_NOISE=1 measures anyway and says so), and prints its
# ratio last: CPU per request with everything switchable off / all on.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=${ROUNDS:-3}
STARTS=${STARTS:-2}
DURATION=${DURATION:-5s}
TIME_BUDGET=${TIME_BUDGET:-1500}
WORK="$ROOT/bench/work/reference-service-features"
DB="rs_features_$$"
T0=$SECONDS

# name|what is off
SWITCHES=(
    "security|the Spring Security filter chain (headers, CORS, token check, authorisation)"
    "token-check|the bearer token check alone (JWT from the verified-token cache, token version)"
    "access-log|the JSON access log line per request"
    "request-id|the request id (header, MDC)"
    "rate-limit|the per-caller rate limit"
    "idempotency|the idempotency-key filter"
    "body-limit|the request body size limit"
    "path-firewall|the encoded-path firewall"
    "metrics|the http.server.requests observation (metrics; spans when tracing is on)"
)
ALL_SWITCHED="access-log request-id rate-limit idempotency body-limit path-firewall metrics security"
# name|what changes|arguments|sign (off: the configuration removes a feature; on: it adds one)
RESTARTS=(
    "virtual-threads|virtual threads off (Tomcat's platform thread pool)|--spring.threads.virtual.enabled=false|off"
    "tracing|tracing on (sampling 0.1, OTLP export to a closed port)|--management.tracing.export.enabled=true --management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces|on"
)
SWITCHED=${SWITCHED-$(printf '%s\n' "${SWITCHES[@]}" | cut -d'|' -f1 | paste -sd' ') all-switched}
RESTARTED=${RESTARTED-virtual-threads tracing}
if [ -n "${ONLY:-}" ]; then
    only() { for f in "$@"; do if [[ " $ONLY " == *" $f "* ]]; then echo "$f"; fi; done | paste -sd' '; }
    # shellcheck disable=SC2086
    SWITCHED=$(only $SWITCHED); RESTARTED=$(only $RESTARTED)
fi

# shellcheck source=common.sh
source "$ROOT/bench/reference-service/common.sh"
prepare_jar
rm -rf "$WORK/classes"
APP="$WORK/extracted/$(basename "$JAR")"
MAIN=$(unzip -p "$JAR" META-INF/MANIFEST.MF | awk -F': ' '/^Start-Class/ {print $2}' | tr -d '\r')
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$APP:$WORK/extracted/lib/*" \
    "$ROOT/bench/reference-service/bench/FeaturesOff.java"

PORT=${PORT:-$(free_port)}
CONTROL="$WORK/control"

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
    if (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "port $PORT is taken before the start of $name: another server would answer for it" >&2; exit 1
    fi
    rm -f "$CONTROL" "$CONTROL.ack"
    SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres \
        taskset -c "$SERVER_CPU" "$JAVA" -cp "$APP:$WORK/classes" "$MAIN" --server.port="$PORT" \
        --spring.main.sources=bench.FeaturesOff --bench.control="$CONTROL" \
        --reference.rate-limit.auth.capacity=1000 --reference.rate-limit.api.capacity=1000000000 \
        --reference.auth.orders-need-verified-email=false "$@" > "$WORK/$name.log" 2>&1 &
    server_pid=$!
    wait_ready "http://127.0.0.1:$PORT/health/ready" "$server_pid" "$WORK/$name.log"
}
login() {
    curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"correct horse battery staple"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}

# the user and the order, made once (the database stays across starts)
start_server setup
curl -sf -X POST "$API/auth/register" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"correct horse battery staple","displayName":"Bench"}' >/dev/null
TOKEN=$(login)
ID=$(curl -sf -X POST "$API/orders" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"currency":"EUR","lines":[{"product":"Tea","quantity":3,"unitPrice":"0.10"},{"product":"Teapot","quantity":1,"unitPrice":"19.99"}]}' \
    | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
FULL_URL="$API/orders/$ID"
stop_server

# turns the named features off (none: all on) in the running service and waits for its acknowledgement; ACK is then
# what the previous setting bypassed ("feature=requests ...")
SEQ=0
switch_to() { # feature...
    SEQ=$((SEQ + 1))
    echo "$SEQ $*" > "$CONTROL.tmp" && mv "$CONTROL.tmp" "$CONTROL"
    local seq rest
    for _ in $(seq 1 500); do
        if read -r seq rest 2>/dev/null <"$CONTROL.ack" && [ "$seq" = "$SEQ" ]; then ACK=$rest; return 0; fi
        sleep 0.01
    done
    echo "the service did not acknowledge the switch to '$*' in 5 s (see $WORK/switched.log)" >&2; exit 1
}
measure() { # round-name: one round against the running server; sets R (requests/s) and C (CPU us/request)
    local p99 jit err
    quiet_round_begin
    read -r _ R p99 C jit err <<<"$(run_wrk "${1// /-}" "$server_pid" "$FULL_URL" "Authorization: Bearer $TOKEN")"
    quiet_round_end "$1"
    check_jit "$1" "$jit"
    if [ -n "$err" ]; then QUIET_PROBLEMS+=("round $1: $err"); fi
    printf '  %-28s %10s requests/s  p99 %8s  %6s us CPU/request  JIT %5s ms %s\n' "$1" "$R" "$p99" "$C" "$jit" "$err"
}
features_of() { # switched name: the features it turns off
    if [ "$1" = all-switched ]; then echo "$ALL_SWITCHED"; else echo "$1"; fi
}

declare -A cost_of rounds_of offcpu_of offrps_of oncpu_of onrps_of what_of
for entry in "${SWITCHES[@]}"; do IFS='|' read -r n w <<<"$entry"; what_of[$n]=$w; done
what_of[all-switched]="all of the above at once"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. switched in one JVM
if [ -n "$SWITCHED" ]; then
    echo "== switched in one running service: $SWITCHED"
    start_server switched
    TOKEN=$(login)
    curl -sf -H "Authorization: Bearer $TOKEN" "$FULL_URL" >/dev/null # the token check sees its caller once
    read -ra switched <<<"$SWITCHED"
    for f in "${switched[@]}"; do # every switch flipped under load once, so that the JIT compiles both sides
        # shellcheck disable=SC2046
        switch_to $(features_of "$f")
        taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d2s -H "Authorization: Bearer $TOKEN" "$FULL_URL" >/dev/null
    done
    switch_to
    warm_up switched "$server_pid" "$FULL_URL" "Authorization: Bearer $TOKEN"
    for round in $(seq 1 "$ROUNDS"); do
        echo " round $round"
        measure "$round all-on"; on_r=$R; on_c=$C
        n=${#switched[@]}
        for i in $(seq 0 $((n - 1))); do
            f=${switched[$(((round - 1 + i) % n))]}
            # shellcheck disable=SC2046
            switch_to $(features_of "$f")
            measure "$round $f-off"; off_r=$R; off_c=$C
            switch_to
            for g in $(features_of "$f"); do
                if [[ " $ACK " != *" $g="* ]] || [[ " $ACK " == *" $g=0 "* ]]; then
                    QUIET_PROBLEMS+=("$f: no request passed '$g' by in round $round: the switch did not take")
                fi
            done
            measure "$round all-on"
            cost_of[$f]+="$(awk -v a="$on_c" -v b="$C" -v o="$off_c" 'BEGIN {printf "%.1f", (a + b) / 2 - o}') "
            offcpu_of[$f]+="$off_c "; offrps_of[$f]+="$off_r "
            oncpu_of[$f]+="$(awk -v a="$on_c" -v b="$C" 'BEGIN {print (a + b) / 2}') "
            onrps_of[$f]+="$(awk -v a="$on_r" -v b="$R" 'BEGIN {print (a + b) / 2}') "
            on_r=$R; on_c=$C
        done
    done
    stop_server
fi

# 2. restarted: X, Y, all on, X, Y, all on, ...
declare -A start_cpu start_rps
restart_one() { # name args...
    local name=$1 k=$2; shift 2
    local need=$(( ${WARMUP_MAX:-300} / 2 + 30 ))
    if [ $((SECONDS - T0 + need)) -gt "$TIME_BUDGET" ]; then
        QUIET_PROBLEMS+=("$name start $k left out: TIME_BUDGET ($TIME_BUDGET s) would be exceeded")
        return
    fi
    echo "== $name, start $k"
    start_server "$name-$k" "$@"
    TOKEN=$(login)
    warm_up "$name-$k" "$server_pid" "$FULL_URL" "Authorization: Bearer $TOKEN"
    local cs=() rs=()
    for round in $(seq 1 "$ROUNDS"); do measure "$name-$k $round"; cs+=("$C"); rs+=("$R"); done
    start_cpu[$name]+="$(median "${cs[@]}") "; start_rps[$name]+="$(median "${rs[@]}") "
    stop_server
}
if [ -n "$RESTARTED" ]; then
    read -ra restarted <<<"$RESTARTED"
    for k in $(seq 1 "$STARTS"); do
        for r in "${restarted[@]}"; do
            args=""
            for entry in "${RESTARTS[@]}"; do
                IFS='|' read -r n w a s <<<"$entry"
                if [ "$n" = "$r" ]; then args=$a; fi
            done
            # shellcheck disable=SC2086
            restart_one "$r" "$k" $args
        done
        restart_one all-on "$k"
    done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "| feature | requests/s (its setting vs all on) | CPU µs/request (vs all on) | the feature's cost, µs per request (spread) | % of all on |"
echo "|---|---|---|---|---|"
for f in $SWITCHED; do
    [ -n "${cost_of[$f]:-}" ] || continue
    # shellcheck disable=SC2086
    c=$(median ${cost_of[$f]}); on=$(median ${oncpu_of[$f]})
    # shellcheck disable=SC2086
    printf '| %s off: %s | %s vs %s | %s vs %s | %s (%s over %s rounds) | %s %% |\n' "$f" "${what_of[$f]}" \
        "$(median ${offrps_of[$f]})" "$(median ${onrps_of[$f]})" "$(median ${offcpu_of[$f]})" "$on" \
        "$c" "$(spread ${cost_of[$f]})" "$ROUNDS" "$(awk -v c="$c" -v o="$on" 'BEGIN {printf "%.0f", 100 * c / o}')"
done
if [ -n "${start_cpu[all-on]:-}" ]; then
    # shellcheck disable=SC2086
    on=$(median ${start_cpu[all-on]}); onr=$(median ${start_rps[all-on]})
    for entry in "${RESTARTS[@]}"; do
        IFS='|' read -r n w a s <<<"$entry"
        [ -n "${start_cpu[$n]:-}" ] || continue
        # shellcheck disable=SC2086
        x=$(median ${start_cpu[$n]})
        c=$(awk -v x="$x" -v o="$on" -v s="$s" 'BEGIN {printf "%.1f", (s == "on") ? x - o : o - x}')
        # shellcheck disable=SC2086
        printf '| %s: %s | %s vs %s | %s (%s) vs %s (%s) | %s (%s starts; all on: %s starts) | %s %% |\n' "$n" "$w" \
            "$(median ${start_rps[$n]})" "$onr" "$x" "$(spread ${start_cpu[$n]})" "$on" "$(spread ${start_cpu[all-on]})" \
            "$c" "$(wc -w <<<"${start_cpu[$n]}")" "$(wc -w <<<"${start_cpu[all-on]}")" \
            "$(awk -v c="$c" -v o="$on" 'BEGIN {printf "%.0f", 100 * c / o}')"
    done
    # shellcheck disable=SC2086
    quiet_outliers "all-on starts' CPU us/request" ${start_cpu[all-on]}
fi
echo "(time: $((SECONDS - T0)) s)"
quiet_verdict
if [ -n "${offcpu_of[all-switched]:-}" ]; then
    # shellcheck disable=SC2086
    echo "ratio everything switchable off / all on, by CPU per request:" \
        "$(awk -v x="$(median ${offcpu_of[all-switched]})" -v o="$(median ${oncpu_of[all-switched]})" 'BEGIN {printf "%.2f", x / o}')"
fi
quiet_exit
