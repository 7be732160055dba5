#!/usr/bin/env bash
# Benchmark: keelson load --http2 vs h2load (nghttp2-client) against the same nginx, HTTP/2 over plain TCP (h2c with
# prior knowledge, which both speak) on 127.0.0.1.
#
#   bench/load/h2.sh                  5 rounds of 30 s each (about 5.5 minutes)
#   ROUNDS=3 DURATION=10s CONNECTIONS=50 STREAMS=10 bench/load/h2.sh
#   ROUNDS=3 B_JAVA_OPTS=-XX:TieredStopAtLevel=1 bench/load/h2.sh    also keelson with these JVM options, alternately
#
# nginx (worker_processes 1) is pinned to CPU 0, both generators to CPU 1; each round runs h2load then keelson (then
# keelson with B_JAVA_OPTS, given to the launcher as KEELSON_JAVA_OPTS), and the script prints the median
# requests/s and requests per CPU-second of each generator, and their ratios to h2load's, last.
# Why 30 s: the CPU figure is the whole process's, and a JVM pays a fixed 1.5 to 3.5 s of CPU (start-up, class
# loading, the JIT's compilations) that h2load does not; at 10 s that is a third of keelson's CPU, at 30 s about a
# seventh, in a load test of minutes nothing (docs/load.md, HTTP/2, has the figures).
# KEELSON overrides the command (default: the ./keelson launcher). The set-up is bench/load/common.sh's.
set -euo pipefail

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
STREAMS=${STREAMS:-10}
PORT=${PORT:-18182}

for tool in nginx h2load taskset; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "bench/load/h2.sh needs $tool: apt-get install nginx nghttp2-client util-linux" >&2
        exit 1
    }
done
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_nginx http2 "http2_max_concurrent_streams 1000;"
curl -fsS --http2-prior-knowledge "$URL" >/dev/null

# Each run prints "<requests/s> <requests per CPU-second of the generator> <user us per request> <system us per
# request>".
run_h2load() {
    timed h2load -t 1 -c "$CONNECTIONS" -m "$STREAMS" -D "$SECONDS_EACH" "$URL" >"$WORK/out"
    awk '/^finished in/ {printf "%s", $4}' "$WORK/out"
    per_request "$(awk '/^requests:/ {print $8}' "$WORK/out")"
    echo
}
h2() { run_keelson --http2 --users "$CONNECTIONS" --streams "$STREAMS"; }
TOOLS=(h2load keelson)
[ -n "${B_JAVA_OPTS:-}" ] && TOOLS+=(keelson-B)

echo "warming up (builds the CLI if needed)..." >&2
SECONDS_EACH=2 h2 >/dev/null

: >"$WORK/h2load"; : >"$WORK/keelson"; : >"$WORK/keelson-B"
for round in $(seq 1 "$ROUNDS"); do
    quiet_round_begin
    h=$(run_h2load)
    if [ -n "${B_JAVA_OPTS:-}" ] && [ $((round % 2)) = 0 ]; then # alternate which keelson goes first
        b=$(KEELSON_JAVA_OPTS="$B_JAVA_OPTS" h2); k=$(h2)
    elif [ -n "${B_JAVA_OPTS:-}" ]; then
        k=$(h2); b=$(KEELSON_JAVA_OPTS="$B_JAVA_OPTS" h2)
    else
        k=$(h2)
    fi
    quiet_round_end "$round"
    echo "$h" >>"$WORK/h2load"; echo "$k" >>"$WORK/keelson"
    printf 'round %d: h2load %8.0f/s %8.0f/cpu-s   keelson %8.0f/s %8.0f/cpu-s' \
        "$round" $(echo "$h" | cut -d' ' -f1-2) $(echo "$k" | cut -d' ' -f1-2)
    if [ -n "${B_JAVA_OPTS:-}" ]; then
        echo "$b" >>"$WORK/keelson-B"
        printf '   keelson-B %8.0f/s %8.0f/cpu-s' $(echo "$b" | cut -d' ' -f1-2)
    fi
    echo
done
for tool in "${TOOLS[@]}"; do
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests/s" $(awk '{print $1}' "$WORK/$tool")
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests per CPU-second" $(awk '{print $2}' "$WORK/$tool")
done
echo
quiet_verdict
printf 'medians over %d rounds of %ss, h2c, %d connections x %d streams, 1 thread, server on CPU %s, client on CPU %s\n' \
    "$ROUNDS" "$SECONDS_EACH" "$CONNECTIONS" "$STREAMS" "$SERVER_CPU" "$CLIENT_CPU"
[ -n "${B_JAVA_OPTS:-}" ] && echo "keelson-B: keelson with KEELSON_JAVA_OPTS='$B_JAVA_OPTS'"
printf '             requests/s   requests per CPU-second of the generator   user us/request   system us/request\n'
for tool in "${TOOLS[@]}"; do
    printf '  %-9s %12.0f   %10.0f %41.2f %19.2f\n' "$tool" "$(col $tool 1)" "$(col $tool 2)" "$(col $tool 3)" "$(col $tool 4)"
done
H=$(col h2load 1); HC=$(col h2load 2)
for tool in "${TOOLS[@]:1}"; do
    awk -v t="$tool" -v k="$(col "$tool" 1)" -v h="$H" -v kc="$(col "$tool" 2)" -v hc="$HC" 'BEGIN {
        printf "  %s/h2load = %.2f requests/s, %.2f per CPU-second (target >= 0.8)\n", t, k / h, kc / hc }'
done
quiet_exit
