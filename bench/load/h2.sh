#!/usr/bin/env bash
# Benchmark: keelson load --http2 vs h2load (nghttp2-client) against the same nginx, HTTP/2 over plain TCP (h2c with
# prior knowledge, which both speak) on 127.0.0.1.
#
#   bench/load/h2.sh                  5 rounds of 10 s each
#   ROUNDS=3 DURATION=5 CONNECTIONS=50 STREAMS=10 bench/load/h2.sh
#
# nginx (worker_processes 1) is pinned to CPU 0, both generators to CPU 1; each round runs h2load then keelson, and
# the script prints the median requests/s and requests per CPU-second of the generator, and their ratios.
# KEELSON overrides the command (default: the ./keelson launcher).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEELSON=${KEELSON:-"$ROOT/keelson"}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-50}
STREAMS=${STREAMS:-10}
PORT=${PORT:-18182}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
URL="http://127.0.0.1:$PORT/api/users/1"

for tool in nginx h2load taskset; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "bench/load/h2.sh needs $tool: apt-get install nginx nghttp2-client util-linux" >&2
        exit 1
    }
done
# shellcheck source=../quiet.sh
source "$ROOT/bench/quiet.sh"
QUIET_OURS="nginx"   # daemonised, so not a child of this script
quiet_start
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

WORK=$(mktemp -d /tmp/keelson-h2bench.XXXXXX)
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 65536;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events { worker_connections 20000; }
http {
    access_log off;
    keepalive_requests 100000000;
    keepalive_timeout 120s;
    http2_max_concurrent_streams 1000;
    client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
    server {
        listen 127.0.0.1:$PORT http2 backlog=4096;
        location / {
            default_type application/json;
            return 200 '{"id":1,"name":"Ada Lovelace","email":"ada@example.com"}';
        }
    }
}
CONF
taskset -c "$SERVER_CPU" nginx -p "$WORK" -c "$WORK/nginx.conf"
trap 'nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT
sleep 0.5
curl -fsS --http2-prior-knowledge "$URL" >/dev/null

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
cpu_of() { awk '{print $1 + $2}' "$WORK/time"; }

# Each run prints "<requests/s> <requests per CPU-second of the generator process>".
run_h2load() {
    /usr/bin/time -f '%U %S' -o "$WORK/time" taskset -c "$CLIENT_CPU" \
        h2load -t 1 -c "$CONNECTIONS" -m "$STREAMS" -D "$DURATION" "$URL" >"$WORK/out"
    awk -v cpu="$(cpu_of)" '/^finished in/ {r=$4} /^requests:/ {n=$8} END {printf "%s %.0f\n", r, n / cpu}' "$WORK/out"
}
run_keelson() {
    /usr/bin/time -f '%U %S' -o "$WORK/time" taskset -c "$CLIENT_CPU" $KEELSON load "$URL" --http2 \
        --users "$CONNECTIONS" --streams "$STREAMS" --duration "${DURATION}s" --threads 1 \
        --output json --save "$WORK/keelson.json" >/dev/null 2>"$WORK/keelson.err"
    local r n
    r=$(sed -n 's/^ *"requestsPerSecond" : \([0-9.]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    n=$(sed -n 's/^ *"requests" : \([0-9]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    awk -v r="$r" -v n="$n" -v cpu="$(cpu_of)" 'BEGIN {printf "%s %.0f\n", r, n / cpu}'
}

echo "warming up (builds the CLI if needed)..." >&2
DURATION=2 run_keelson >/dev/null

: >"$WORK/h2load"; : >"$WORK/keelson"
for round in $(seq 1 "$ROUNDS"); do
    quiet_round_begin
    h=$(run_h2load); k=$(run_keelson)
    quiet_round_end "$round"
    echo "$h" >>"$WORK/h2load"; echo "$k" >>"$WORK/keelson"
    printf 'round %d: h2load %8.0f/s %8.0f/cpu-s   keelson %8.0f/s %8.0f/cpu-s\n' "$round" $h $k
done
col() { awk -v c="$2" '{print $c}' "$WORK/$1" | median; }
H=$(col h2load 1); K=$(col keelson 1); HC=$(col h2load 2); KC=$(col keelson 2)
echo
printf 'medians over %d rounds of %ss, h2c, %d connections x %d streams, 1 thread, server on CPU %s, client on CPU %s\n' \
    "$ROUNDS" "$DURATION" "$CONNECTIONS" "$STREAMS" "$SERVER_CPU" "$CLIENT_CPU"
printf '             requests/s   requests per CPU-second of the generator\n'
printf '  h2load     %10.0f   %10.0f\n  keelson    %10.0f   %10.0f\n' "$H" "$HC" "$K" "$KC"
quiet_outliers h2load $(awk '{print $1}' "$WORK/h2load")
quiet_outliers keelson $(awk '{print $1}' "$WORK/keelson")
quiet_verdict
awk -v k="$K" -v h="$H" -v kc="$KC" -v hc="$HC" 'BEGIN {
    printf "  keelson/h2load = %.2f requests/s, %.2f per CPU-second (target >= 0.8)\n", k / h, kc / hc }'
quiet_exit
