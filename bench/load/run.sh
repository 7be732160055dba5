#!/usr/bin/env bash
# Benchmark: keelson load vs wrk and hey against nginx on 127.0.0.1, plus resident memory with many connections.
#
#   bench/load/run.sh                 5 rounds of 10 s each (about 6 minutes)
#   ROUNDS=3 DURATION=5s bench/load/run.sh
#
# nginx (worker_processes 1) is pinned to CPU 0, every load generator to CPU 1; each round runs wrk, keelson
# and hey back to back, and the script prints the median requests/s of each and the ratios.
# KEELSON overrides the command (default: the ./keelson launcher).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEELSON=${KEELSON:-"$ROOT/keelson"}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
PORT=${PORT:-18181}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
URL="http://127.0.0.1:$PORT/api/users/1"

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
# shellcheck source=../quiet.sh
source "$ROOT/bench/quiet.sh"
QUIET_OURS="nginx"   # daemonised, so not a child of this script
quiet_start

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

WORK=$(mktemp -d /tmp/keelson-bench.XXXXXX)
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
    client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
    server {
        listen 127.0.0.1:$PORT backlog=4096;
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
curl -fsS "$URL" >/dev/null

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Each run prints "<requests/s> <requests per CPU-second of the generator> <user µs per request> <system µs per
# request>"; the CPU figures (user and system time of the whole generator process, JIT and GC threads included)
# hardly move when other work shares the machine, and user vs system says whether a gap is our code or the kernel.
cpu_of() { awk '{print $1 + $2}' "$WORK/time"; }
split_of() { awk -v n="$1" '{printf " %.2f %.2f", $1 * 1e6 / n, $2 * 1e6 / n}' "$WORK/time"; }
run_wrk() {
    /usr/bin/time -f '%U %S' -o "$WORK/time" taskset -c "$CLIENT_CPU" wrk -t1 -c50 -d"$DURATION" "$URL" >"$WORK/out"
    local n; n=$(awk '/requests in/ {print $1}' "$WORK/out")
    awk -v cpu="$(cpu_of)" -v n="$n" '/^Requests\/sec:/ {r=$2} END {printf "%s %.0f", r, n / cpu}' "$WORK/out"
    split_of "$n"; echo
}
run_hey() {
    /usr/bin/time -f '%U %S' -o "$WORK/time" taskset -c "$CLIENT_CPU" hey -z "$DURATION" -c 50 "$URL" >"$WORK/out"
    local n; n=$(awk '/\[200\]/ {print $2}' "$WORK/out")
    awk -v cpu="$(cpu_of)" -v n="$n" '/Requests\/sec:/ {r=$2} END {printf "%s %.0f", r, n / cpu}' "$WORK/out"
    split_of "$n"; echo
}
run_keelson() {
    /usr/bin/time -f '%U %S' -o "$WORK/time" taskset -c "$CLIENT_CPU" $KEELSON load "$URL" --users 50 \
        --duration "$DURATION" --threads 1 --output json --save "$WORK/keelson.json" >/dev/null 2>"$WORK/keelson.err"
    local r n
    r=$(sed -n 's/^ *"requestsPerSecond" : \([0-9.]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    n=$(sed -n 's/^ *"requests" : \([0-9]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    awk -v r="$r" -v n="$n" -v cpu="$(cpu_of)" 'BEGIN {printf "%s %.0f", r, n / cpu}'
    split_of "$n"; echo
}

echo "warming up (builds the CLI if needed)..." >&2
DURATION=2s run_keelson >/dev/null

: >"$WORK/wrk" ; : >"$WORK/keelson" ; : >"$WORK/hey"
for round in $(seq 1 "$ROUNDS"); do
    quiet_round_begin
    w=$(run_wrk); k=$(run_keelson); h=$(run_hey)
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

col() { awk -v c="$2" '{print $c}' "$WORK/$1" | median; }
W=$(col wrk 1); K=$(col keelson 1); H=$(col hey 1)
WC=$(col wrk 2); KC=$(col keelson 2); HC=$(col hey 2)
for tool in wrk keelson hey; do
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests/s" $(awk '{print $1}' "$WORK/$tool")
    # shellcheck disable=SC2046
    quiet_outliers "$tool requests per CPU-second" $(awk '{print $2}' "$WORK/$tool")
done
echo
quiet_verdict
printf 'medians over %d rounds of %s, 50 connections, 1 thread, server on CPU %s, client on CPU %s\n' \
    "$ROUNDS" "$DURATION" "$SERVER_CPU" "$CLIENT_CPU"
printf '             requests/s   requests per CPU-second of the generator   user us/request   system us/request\n'
for tool in wrk keelson hey; do
    printf '  %-9s %12.0f   %10.0f %41.2f %19.2f\n' "$tool" "$(col $tool 1)" "$(col $tool 2)" "$(col $tool 3)" "$(col $tool 4)"
done
awk -v k="$K" -v w="$W" -v h="$H" -v kc="$KC" -v wc="$WC" -v hc="$HC" 'BEGIN {
    printf "  keelson/wrk = %.2f requests/s, %.2f per CPU-second (goal >= 1.0 on both: #22)\n", k / w, kc / wc
    printf "  keelson/hey = %.2f requests/s, %.2f per CPU-second (target >= 2)\n", k / h, kc / hc }'
quiet_exit
