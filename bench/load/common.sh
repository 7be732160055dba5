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
#   timed_steady CMD...         timed, and also the generator's CPU in its steady state into $WORK/steady (below)
#   steady_per_request N        after timed_steady of a generator that made N requests in SECONDS_EACH, prints the
#                               same three figures for the steady state only
#   run_keelson ARG...          one keelson load run on $URL with ARGs; prints "<req/s> <req/CPU-s> <user us> <sys us>"
#                               and the same three for the steady state
#   col TOOL N                  the median of column N of $WORK/TOOL (one line per round)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEELSON=${KEELSON:-"$ROOT/keelson"}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
SECONDS_EACH=${DURATION%s}
# the steady state is seconds 3 to D-1 of a run: it needs D >= 5
if ! [[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || [ "$SECONDS_EACH" -lt 5 ]; then
    echo "bench: DURATION=$DURATION: give whole seconds, at least 5s (the steady state is seconds 3 to D-1)" >&2
    exit 2
fi
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

# Steady state: the whole-process figures above charge keelson's JVM start, class loading and JIT compilation (about
# 1 to 2 CPU-seconds, whatever the run's length) to a 10 s run's requests; wrk, a C program, starts in milliseconds.
# So the generator's process CPU (all threads, /proc/PID/stat) is also sampled from second STEADY_FROM (default 3)
# to second SECONDS_EACH - 1 of the load: keelson's at its progress lines (which carry the requests so far), wrk's
# and the others' at the same seconds of wall time from their launch, with requests at their mean rate over the run.
STEADY_FROM=${STEADY_FROM:-3}
timed_steady() {
    /usr/bin/time -f '%U %S' -o "$WORK/time" taskset -c "$CLIENT_CPU" "$@" & # as timed, but its pid is time's
    local timer=$! pid="" line rest n=0 lines started=${EPOCHREALTIME/./} nap progress=() tid
    exec {nap}<> <(:) # read -t on it is a sleep without a process per sample
    for _ in {1..1000}; do # up to 10 s: a busy machine can be slow to start it
        { read -r pid _ <"/proc/$timer/task/$timer/children"; } 2>/dev/null || true
        [ -n "$pid" ] && break
        read -r -t 0.01 -u "$nap" || true
    done
    : >"$WORK/steady"
    # one line per sample: "<ms of wall time since launch> <progress lines so far> <user ticks> <system ticks>"
    while [ -n "$pid" ] && { read -r line <"/proc/$pid/stat"; } 2>/dev/null; do
        lines=0
        if [ -n "${STEADY_PROGRESS:-}" ]; then
            mapfile -t progress <"$STEADY_PROGRESS" 2>/dev/null || progress=()
            lines=${#progress[@]}
        fi
        rest=${line##*) }
        # shellcheck disable=SC2086
        set -- $rest
        if [ "$lines" != "$n" ] || [ -z "${STEADY_PROGRESS:-}" ]; then
            n=$lines
            echo "$(((${EPOCHREALTIME/./} - started) / 1000)) $lines ${12} ${13}" >>"$WORK/steady"
        fi
        [ -n "${THREAD_LOG:-}" ] && sample_threads "$pid"
        read -r -t 0.05 -u "$nap" || true
    done
    exec {nap}<&-
    if [ -n "${THREAD_LOG:-}" ]; then
        for tid in "${!THREAD_TICKS[@]}"; do echo "${THREAD_TICKS[$tid]}"; done >"$THREAD_LOG"
        THREAD_TICKS=()
    fi
    wait "$timer"
}
# THREAD_LOG=FILE: timed_steady also keeps each thread's last user and system ticks (/proc/PID/task/*/stat, at every
# sample) and writes them to FILE at the end, one "<user ticks> <system ticks> <thread name>" line per thread. A
# thread that ended, and the last 50 ms, are missed: compare their sum with the process's total.
declare -A THREAD_TICKS=()
sample_threads() {
    local f line comm rest
    for f in /proc/"$1"/task/*/stat; do
        { read -r line <"$f"; } 2>/dev/null || continue
        comm=${line#*(}
        comm=${comm%)*}
        rest=${line##*) }
        # shellcheck disable=SC2086
        set -- $rest
        THREAD_TICKS[${f%/stat}]="${12} ${13} ${comm// /_}"
    done
}
steady_per_request() {
    local ticks; ticks=$(getconf CLK_TCK)
    if [ -n "${STEADY_PROGRESS:-}" ]; then
        # keelson: the progress line of second s says how many requests were answered by then
        awk -v from="$STEADY_FROM" -v to=$((SECONDS_EACH - 1)) -v hz="$ticks" -v progress="$STEADY_PROGRESS" '
            BEGIN { while ((getline line < progress) > 0) { split(line, f, " "); done[++k] = f[2] } }
            $2 == from { r0 = done[from]; u0 = $3; s0 = $4 } $2 == to { r1 = done[to]; u1 = $3; s1 = $4 }
            END { steady(r1 - r0, (u1 - u0) / hz, (s1 - s0) / hz) }
            function steady(n, u, s) { if (n <= 0 || u + s <= 0) { printf " 0 0 0"; exit }
                printf " %.0f %.2f %.2f", n / (u + s), u * 1e6 / n, s * 1e6 / n }' "$WORK/steady"
    else
        awk -v from="$STEADY_FROM" -v to=$((SECONDS_EACH - 1)) -v hz="$ticks" -v n="$1" -v d="$SECONDS_EACH" '
            !t0 && $1 >= from * 1000 { t0 = $1; u0 = $3; s0 = $4 } !t1 && $1 >= to * 1000 { t1 = $1; u1 = $3; s1 = $4 }
            END { r = n / d * (t1 - t0) / 1000; u = (u1 - u0) / hz; s = (s1 - s0) / hz
                if (r <= 0 || u + s <= 0) printf " 0 0 0"; else printf " %.0f %.2f %.2f", r / (u + s), u * 1e6 / r, s * 1e6 / r }' "$WORK/steady"
    fi
}

# wrk's round against URL: prints "<requests/s> <requests per CPU-second> <user us> <system us>" for the whole
# process, then the same three for its steady state
run_wrk() {
    timed_steady wrk -t1 -c50 -d"${SECONDS_EACH}s" "$URL" >"$WORK/out"
    local n; n=$(awk '/requests in/ {print $1}' "$WORK/out")
    awk '/^Requests\/sec:/ {printf "%s", $2}' "$WORK/out"
    per_request "$n"
    steady_per_request "$n"
    echo
}

run_keelson() {
    # shellcheck disable=SC2086
    STEADY_PROGRESS="$WORK/keelson.err" timed_steady $KEELSON load "$URL" --duration "${SECONDS_EACH}s" --threads 1 "$@" \
        --output json --save "$WORK/keelson.json" >/dev/null 2>"$WORK/keelson.err"
    local r n
    r=$(sed -n 's/^ *"requestsPerSecond" : \([0-9.]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    n=$(sed -n 's/^ *"requests" : \([0-9]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    printf '%s' "$r"
    per_request "$n"
    STEADY_PROGRESS="$WORK/keelson.err" steady_per_request "$n"
    echo
}

col() { awk -v c="$2" '{print $c}' "$WORK/$1" | median; }
