#!/usr/bin/env bash
# Benchmark: keelson load vs wrk and hey against nginx on 127.0.0.1, plus resident memory with many connections.
#
#   bench/load/run.sh                 5 rounds of 10 s each (about 6 minutes)
#   ROUNDS=3 DURATION=5s bench/load/run.sh
#
# nginx (worker_processes 1) is pinned to CPU 0, every load generator to CPU 1; each round runs wrk, keelson
# and hey back to back, and the script prints the median requests/s of each, their CPU per request (user and system
# time, of the whole process and of its steady state: see common.sh) and the ratios, last.
# KEELSON overrides the command (default: the ./keelson launcher).
set -euo pipefail

PORT=${PORT:-18181}
APT_UPDATED=""
need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "installing $2..." >&2
        local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        [ -n "$APT_UPDATED" ] || { $sudo apt-get update -qq >/dev/null; APT_UPDATED=1; }
        $sudo apt-get install -y -qq "$2" >/dev/null
    fi
}
need nginx nginx
need wrk wrk
need hey hey
need taskset util-linux
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_nginx
curl -fsS "$URL" >/dev/null

# Each run prints "<requests/s> <requests per CPU-second of the generator> <user us per request> <system us per
# request>" for the whole process, then the same three for its steady state (common.sh).
run_hey() {
    timed_steady hey -z "${SECONDS_EACH}s" -c 50 "$URL" >"$WORK/out"
    local n; n=$(awk '/\[200\]/ {print $2}' "$WORK/out")
    awk '/Requests\/sec:/ {printf "%s", $2}' "$WORK/out"
    per_request "$n"
    steady_per_request "$n"
    echo
}

echo "warming up (builds the CLI if needed)..." >&2
SECONDS_EACH=2 run_keelson --users 50 >/dev/null

: >"$WORK/wrk" ; : >"$WORK/keelson" ; : >"$WORK/hey"
for round in $(seq 1 "$ROUNDS"); do
    quiet_round_begin
    w=$(run_wrk); k=$(run_keelson --users 50); h=$(run_hey)
    quiet_round_end "$round"
    echo "$w" >>"$WORK/wrk"; echo "$k" >>"$WORK/keelson"; echo "$h" >>"$WORK/hey"
    printf 'round %d: wrk %8.0f/s %8.0f/cpu-s   keelson %8.0f/s %8.0f/cpu-s   hey %8.0f/s %8.0f/cpu-s\n' \
        "$round" $(echo "$w" | cut -d' ' -f1-2) $(echo "$k" | cut -d' ' -f1-2) $(echo "$h" | cut -d' ' -f1-2)
done
# Resident memory of the generator while it holds N open connections.
rss() {
    local users=$1
    taskset -c "$CLIENT_CPU" $KEELSON load "$URL" --users "$users" --duration 8s --threads 1 --timeout 30s \
        --output json --save "$WORK/rss.json" >/dev/null 2>"$WORK/rss.err" &
    local pid=$!
    sleep 6
    local kb; kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    wait "$pid" || true
    local rps; rps=$(sed -n 's/^ *"requestsPerSecond" : \([0-9.]*\).*/\1/p' "$WORK/rss.json" | head -n1)
    local errors; errors=$(sed -n 's/^ *"errors" : \([0-9]*\).*/\1/p' "$WORK/rss.json" | head -n1)
    printf '  %6d connections: RSS %6.0f MB at 6 s  (%s req/s, %s errors)\n' "$users" "$(echo "$kb / 1024" | bc -l)" "${rps%.*}" "$errors"
}
echo
echo "resident memory of keelson load (JVM defaults, one event loop):"
rss 1000
rss 10000

W=$(col wrk 1); K=$(col keelson 1); H=$(col hey 1)
WC=$(col wrk 2); KC=$(col keelson 2); HC=$(col hey 2)
WS=$(col wrk 5); KS=$(col keelson 5)
for tool in wrk keelson hey; do
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests/s" $(awk '{print $1}' "$WORK/$tool")
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests per CPU-second" $(awk '{print $2}' "$WORK/$tool")
done
echo
quiet_verdict
printf 'medians over %d rounds of %s, 50 connections, 1 thread, server on CPU %s, client on CPU %s\n' \
    "$ROUNDS" "${SECONDS_EACH}s" "$SERVER_CPU" "$CLIENT_CPU"
printf 'CPU of the generator: whole process (start-up and JIT included) | steady state, seconds %s to %s\n' \
    "$STEADY_FROM" "$((SECONDS_EACH - 1))"
printf '             requests/s | requests/CPU-s  user us/req  system us/req | requests/CPU-s  user us/req  system us/req\n'
for tool in wrk keelson hey; do
    printf '  %-9s %12.0f | %14.0f %12.2f %14.2f | %14.0f %12.2f %14.2f\n' "$tool" "$(col $tool 1)" \
        "$(col $tool 2)" "$(col $tool 3)" "$(col $tool 4)" "$(col $tool 5)" "$(col $tool 6)" "$(col $tool 7)"
done
awk -v k="$K" -v w="$W" -v h="$H" -v kc="$KC" -v wc="$WC" -v hc="$HC" -v ks="$KS" -v ws="$WS" 'BEGIN {
    printf "  keelson/hey = %.2f requests/s, %.2f per CPU-second (target >= 2)\n", k / h, kc / hc
    printf "  keelson/wrk = %.2f requests/s, %.2f per CPU-second of the whole process, %.2f in the steady state", k / w, kc / wc, ks / ws
    printf " (goal >= 1.0 on requests/s and per CPU-second: #22)\n" }'
quiet_exit
