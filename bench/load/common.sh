# Shared by bench/load/run.sh (HTTP/1.1) and bench/load/h2.sh (HTTP/2), sourced, not run: the settings, the quiet
# check, the nginx target pinned to SERVER_CPU, the generators' CPU accounting, keelson's own run and the medians.
#
# Settings (environment): KEELSON (default: the ./keelson launcher), ROUNDS (5), DURATION (10s; a number of seconds,
# with or without the s), SERVER_CPU (0), CLIENT_CPU (1). The script sets PORT before sourcing.
#
#   bench_nginx [DIRECTIVE...]  writes and starts nginx (worker_processes 1) on 127.0.0.1:$PORT answering a 57-byte
#                               JSON, with the extra http-block directives given; "http2" as the first one makes the
#                               port speak h2c; stops it and removes $WORK at exit
#   timed CMD...                runs CMD on CLIENT_CPU with its user and system time into $WORK/time
#   per_request N               prints " <requests per CPU-second> <user us/request> <system us/request>"
#   run_keelson ARG...          one keelson load run on $URL with ARGs; prints "<req/s> <req/CPU-s> <user us> <sys us>"
#   col TOOL N                  the median of column N of $WORK/TOOL (one line per round)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEELSON=${KEELSON:-"$ROOT/keelson"}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
SECONDS_EACH=${DURATION%s}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
URL="http://127.0.0.1:$PORT/api/users/1"

# shellcheck source=../quiet.sh
source "$ROOT/bench/quiet.sh"
QUIET_OURS="nginx" # daemonised, so not a child of this script
quiet_start

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
WORK=$(mktemp -d /tmp/keelson-bench.XXXXXX)

bench_nginx() {
    local listen="127.0.0.1:$PORT"
    if [ "${1:-}" = http2 ]; then
        listen="$listen http2"
        shift
    fi
    local extra=""
    [ $# -gt 0 ] && extra=$(printf '    %s\n' "$@")
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
$extra
    client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
    server {
        listen $listen backlog=4096;
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
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# The CPU figures (user and system time of the whole generator process, JIT and GC threads included) hardly move
# when other work shares the machine, and user vs system says whether a gap is our code or the kernel.
timed() { /usr/bin/time -f '%U %S' -o "$WORK/time" taskset -c "$CLIENT_CPU" "$@"; }
per_request() {
    awk -v n="$1" '{printf " %.0f %.2f %.2f", n / ($1 + $2), $1 * 1e6 / n, $2 * 1e6 / n}' "$WORK/time"
}

run_keelson() {
    # shellcheck disable=SC2086
    timed $KEELSON load "$URL" --duration "${SECONDS_EACH}s" --threads 1 "$@" \
        --output json --save "$WORK/keelson.json" >/dev/null 2>"$WORK/keelson.err"
    local r n
    r=$(sed -n 's/^ *"requestsPerSecond" : \([0-9.]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    n=$(sed -n 's/^ *"requests" : \([0-9]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    printf '%s' "$r"
    per_request "$n"
    echo
}

col() { awk -v c="$2" '{print $c}' "$WORK/$1" | median; }
