#!/usr/bin/env bash
# Benchmark: keelson load --http2 vs h2load (nghttp2-client) against the same nginx, HTTP/2 over plain TCP (h2c with
# prior knowledge, which both speak) on 127.0.0.1.
#
#   bench/load/h2.sh                  5 rounds of 10 s each
#   ROUNDS=3 DURATION=5s CONNECTIONS=50 STREAMS=10 bench/load/h2.sh
#
# nginx (worker_processes 1) is pinned to CPU 0, both generators to CPU 1; each round runs h2load then keelson, and
# the script prints the median requests/s and requests per CPU-second of the generator, and their ratios.
# KEELSON overrides the command (default: the ./keelson launcher). The set-up is bench/load/common.sh's.
set -euo pipefail

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

echo "warming up (builds the CLI if needed)..." >&2
SECONDS_EACH=2 h2 >/dev/null

: >"$WORK/h2load"; : >"$WORK/keelson"
for round in $(seq 1 "$ROUNDS"); do
    quiet_round_begin
    h=$(run_h2load); k=$(h2)
    quiet_round_end "$round"
    echo "$h" >>"$WORK/h2load"; echo "$k" >>"$WORK/keelson"
    printf 'round %d: h2load %8.0f/s %8.0f/cpu-s   keelson %8.0f/s %8.0f/cpu-s\n' \
        "$round" $(echo "$h" | cut -d' ' -f1-2) $(echo "$k" | cut -d' ' -f1-2)
done
H=$(col h2load 1); K=$(col keelson 1); HC=$(col h2load 2); KC=$(col keelson 2)
for tool in h2load keelson; do
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests/s" $(awk '{print $1}' "$WORK/$tool")
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests per CPU-second" $(awk '{print $2}' "$WORK/$tool")
done
echo
quiet_verdict
printf 'medians over %d rounds of %ss, h2c, %d connections x %d streams, 1 thread, server on CPU %s, client on CPU %s\n' \
    "$ROUNDS" "$SECONDS_EACH" "$CONNECTIONS" "$STREAMS" "$SERVER_CPU" "$CLIENT_CPU"
printf '             requests/s   requests per CPU-second of the generator   user us/request   system us/request\n'
for tool in h2load keelson; do
    printf '  %-9s %12.0f   %10.0f %41.2f %19.2f\n' "$tool" "$(col $tool 1)" "$(col $tool 2)" "$(col $tool 3)" "$(col $tool 4)"
done
awk -v k="$K" -v h="$H" -v kc="$KC" -v hc="$HC" 'BEGIN {
    printf "  keelson/h2load = %.2f requests/s, %.2f per CPU-second (target >= 0.8)\n", k / h, kc / hc }'
quiet_exit
