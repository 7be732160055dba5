#!/usr/bin/env bash
# Benchmark: the reference service at scale. Authenticated GET /api/v1/orders/{id} with the read cache and rate
# limiting on (shared through Redis), on one instance and on two instances; and the cost of rate limiting +
# idempotency keys, against an instance with both off, in the same run (also for POST /api/v1/orders with a new
# Idempotency-Key per request, where idempotency does its work: GETs never touch it).
#
#   bench/reference-service/scale.sh                 90 s warm-up per instance, then 5 rounds of 10 s per case,
#                                                    32 connections, 16 users (a shorter warm-up measures the JIT)
#   ROUNDS=5 DURATION=20s CONNECTIONS=64 USERS=32 bench/reference-service/scale.sh
#   SKIP_BUILD=1 bench/reference-service/scale.sh    reuse reference-service/target's jar
#   bench/reference-service/scale.sh --help
#
# Three instances run on CPU 0 (two "full" ones, one with rate limiting and idempotency off), wrk on CPU 1, all
# against the local PostgreSQL (a database made for the run) and a redis-server of the run's own on a free port;
# PostgreSQL and Redis are not pinned. Requests rotate over USERS users, each reading its own order, so buckets
# and cache entries are per user as in production. Every case alternates with the others each round; the medians
# are printed with the ratios. On a 2-core machine the two instances share one core: that figure shows what
# coordinating through Redis and PostgreSQL costs, not how far the service scales out.
set -euo pipefail

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "scale.sh takes no arguments (settings are environment variables, see --help): $*" >&2
    exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-90s}
CONNECTIONS=${CONNECTIONS:-32}
USERS=${USERS:-16}
PORT_A=${PORT_A:-18291}
PORT_B=${PORT_B:-18292}
PORT_OFF=${PORT_OFF:-18293}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PG=${PG:-"-h 127.0.0.1 -U postgres"}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WORK="$ROOT/bench/work/reference-service-scale"
DB="rs_scale_$$"

for tool in wrk redis-server redis-cli psql curl taskset openssl; do
    command -v "$tool" >/dev/null || { echo "scale.sh needs $tool on PATH" >&2; exit 2; }
done
mkdir -p "$WORK"
if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building reference-service ..."
    (cd "$ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -ntp -q -pl reference-service -am package -DskipTests)
fi
JAR="$ROOT/reference-service/target/reference-service-0.1.0-SNAPSHOT.jar"
[ -f "$JAR" ] || { echo "no $JAR: build it first (or drop SKIP_BUILD)" >&2; exit 2; }

REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
    psql $PG -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" test >/dev/null 2>&1 || true
}
trap cleanup EXIT

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 &
pids+=($!)
psql $PG -qc "CREATE DATABASE $DB" test
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres
export SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
REFERENCE_AUTH_JWKS="$("$JAVA" "$ROOT/bench/reference-service/bench/Jwks.java" scale)"
REFERENCE_PAGINATION_CURSOR_KEY="$(openssl rand -base64 32)"
export REFERENCE_AUTH_JWKS REFERENCE_PAGINATION_CURSOR_KEY

start() { # name port extra-arguments...
    local name=$1 port=$2
    shift 2
    taskset -c "$SERVER_CPU" "$JAVA" -jar "$JAR" --server.port="$port" \
        --reference.rate-limit.auth.capacity=100000 --reference.rate-limit.api.capacity=1000000000 \
        --reference.auth.orders-need-verified-email=false "$@" \
        > "$WORK/$name.log" 2>&1 &
    pids+=($!)
}
wait_ready() { # port
    for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.2; done
    echo "the instance on port $1 did not get ready (see $WORK/*.log)" >&2; return 1
}

echo "starting redis-server on $REDIS_PORT and three instances on CPU $SERVER_CPU ..."
start full-a "$PORT_A"
wait_ready "$PORT_A" # the first one migrates the database alone
start full-b "$PORT_B"
start off "$PORT_OFF" --reference.rate-limit.enabled=false --reference.idempotency.enabled=false
wait_ready "$PORT_B"
wait_ready "$PORT_OFF"

API="http://127.0.0.1:$PORT_A/api/v1"
tokens=(); paths=()
for i in $(seq 1 "$USERS"); do
    email="scale-$i-$$@example.com"
    curl -sf -X POST "$API/auth/register" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"correct horse battery staple\",\"displayName\":\"Bench $i\"}" >/dev/null
    token=$(curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"correct horse battery staple\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
    id=$(curl -sf -X POST "$API/orders" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"currency":"EUR","lines":[{"product":"Tea","quantity":3,"unitPrice":"0.10"},{"product":"Teapot","quantity":1,"unitPrice":"19.99"}]}' \
        | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
    tokens+=("\"$token\""); paths+=("\"/api/v1/orders/$id\"")
done
echo "read on the second instance: $(curl -s -H "Authorization: Bearer ${tokens[0]//\"/}" \
    "http://127.0.0.1:$PORT_B${paths[0]//\"/}" | head -c 100)..."

join() { local IFS=,; echo "$*"; }
cat > "$WORK/get.lua" <<LUA
local tokens = {$(join "${tokens[@]}")}
local paths = {$(join "${paths[@]}")}
local i = 0
request = function()
    i = i % #tokens + 1
    return wrk.format("GET", paths[i], {["Authorization"] = "Bearer " .. tokens[i]})
end
LUA
cat > "$WORK/post.lua" <<LUA
local tokens = {$(join "${tokens[@]}")}
local i = 0
local n = 0
local run = tostring(os.time()) .. "-" .. tostring(math.random(1000000))
local body = '{"currency":"EUR","lines":[{"product":"Tea","quantity":1,"unitPrice":"2.50"}]}'
request = function()
    i = i % #tokens + 1
    n = n + 1
    return wrk.format("POST", "/api/v1/orders", {["Authorization"] = "Bearer " .. tokens[i],
        ["Content-Type"] = "application/json", ["Idempotency-Key"] = run .. "-" .. n}, body)
end
LUA

wrk_run() { # output-file connections duration script port
    taskset -c "$CLIENT_CPU" wrk -t1 -c"$2" -d"$3" --latency -s "$WORK/$4" "http://127.0.0.1:$5" > "$1"
}
summary() { # wrk-output: requests/s, p99, non-2xx count
    local rps p99 bad
    rps=$(awk '/Requests\/sec/ {print $2}' "$1")
    p99=$(awk '$1=="99%" {print $2}' "$1")
    bad=$(awk '/Non-2xx/ {print $NF}' "$1")
    echo "$rps $p99 ${bad:-0}"
}
ms() { # wrk latency (123.45us / 1.23ms / 1.02s) in ms
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}

echo "warming up ($WARMUP per instance) ..."
for port in "$PORT_A" "$PORT_B" "$PORT_OFF"; do
    wrk_run /dev/null "$CONNECTIONS" "$WARMUP" get.lua "$port"
    wrk_run /dev/null "$CONNECTIONS" 5s post.lua "$port"
done

declare -A rps p99
printf '%-6s %-34s %12s %10s %s\n' round case "requests/s" p99 ""
for round in $(seq 1 "$ROUNDS"); do
    for case in get-one get-off get-two post-one post-off; do
        out="$WORK/wrk-$case-$round.txt"
        case $case in
            get-one) wrk_run "$out" "$CONNECTIONS" "$DURATION" get.lua "$PORT_A" ;;
            get-off) wrk_run "$out" "$CONNECTIONS" "$DURATION" get.lua "$PORT_OFF" ;;
            post-one) wrk_run "$out" "$CONNECTIONS" "$DURATION" post.lua "$PORT_A" ;;
            post-off) wrk_run "$out" "$CONNECTIONS" "$DURATION" post.lua "$PORT_OFF" ;;
            get-two)
                wrk_run "$out.a" $((CONNECTIONS / 2)) "$DURATION" get.lua "$PORT_A" &
                other=$!
                wrk_run "$out.b" $((CONNECTIONS / 2)) "$DURATION" get.lua "$PORT_B"
                wait "$other" # only this wrk: a bare wait would also wait for the servers and redis-server
                read -r ra pa ba <<<"$(summary "$out.a")"
                read -r rb pb bb <<<"$(summary "$out.b")"
                pa=$(ms "$pa"); pb=$(ms "$pb")
                echo "Requests/sec: $(awk -v a="$ra" -v b="$rb" 'BEGIN {printf "%.2f", a + b}')" > "$out"
                echo "99% $(awk -v a="$pa" -v b="$pb" 'BEGIN {print (a > b ? a : b)}')ms" >> "$out"
                [ "$ba" = 0 ] && [ "$bb" = 0 ] || echo "Non-2xx or 3xx responses: $((ba + bb))" >> "$out"
                ;;
        esac
        read -r r p bad <<<"$(summary "$out")"
        rps[$case]="${rps[$case]:-} $r"; p99[$case]="${p99[$case]:-} $(ms "$p")"
        note=""; [ "$bad" != 0 ] && note="($bad non-2xx!)"
        printf '%-6s %-34s %12s %9sms %s\n' "$round" "$case" "$r" "$(ms "$p")" "$note"
    done
done

median() { printf '%s\n' $@ | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "medians over $ROUNDS rounds ($CONNECTIONS connections, $USERS users):"
for case in get-one get-two get-off post-one post-off; do
    printf '  %-9s %10s requests/s  p99 %8s ms\n' "$case" "$(median ${rps[$case]})" "$(median ${p99[$case]})"
done
echo "  load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
overhead() { awk -v on="$1" -v off="$2" 'BEGIN {printf "%.1f", (1 - on / off) * 100}'; }
echo "  rate limiting + idempotency cost, GET:  $(overhead "$(median ${rps[get-one]})" "$(median ${rps[get-off]})") % of requests/s (target < 15 %)"
echo "  rate limiting + idempotency cost, POST: $(overhead "$(median ${rps[post-one]})" "$(median ${rps[post-off]})") % of requests/s"
echo "  two instances / one instance (one core shared): $(awk -v two="$(median ${rps[get-two]})" -v one="$(median ${rps[get-one]})" 'BEGIN {printf "%.2f", two / one}')"
