# Settings and functions shared by run.sh and features.sh (sourced, not run): building the service, starting, warming
# up and measuring a server. The sourcing script sets ROOT and WORK first.
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PG=${PG:-"-h 127.0.0.1 -U postgres"}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=${SERVICE_JAR:-"$ROOT/reference-service/target/reference-service-0.1.0-SNAPSHOT.jar"}

# shellcheck source=../quiet.sh
source "$ROOT/bench/quiet.sh"
QUIET_OURS="postgres"

# Refuses a busy machine (bench/quiet.sh), builds the jar (unless SKIP_BUILD) and extracts it into $WORK/extracted:
# the service's own libraries, from its jar (no Maven resolution, so nothing has to be installed in ~/.m2 first).
prepare_jar() {
    quiet_start
    mkdir -p "$WORK"
    if [ -z "${SKIP_BUILD:-}" ]; then
        echo "building reference-service ..."
        (cd "$ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -ntp -q -pl reference-service -am package -DskipTests)
    fi
    rm -rf "$WORK/extracted"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
}

free_port() { # a port nothing listens on, from $1 (default 20000) up
    local port
    for port in $(seq "${1:-20000}" $((${1:-20000} + 999))); do
        (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
    echo "no free port in ${1:-20000}-$((${1:-20000} + 999))" >&2; return 1
}

wait_ready() { # url pid log: waits READY_MAX seconds at most (default 180: a start on one busy core can take 100)
    for _ in $(seq 1 $((${READY_MAX:-180} * 10))); do
        curl -sf "$1" >/dev/null 2>&1 && return 0
        kill -0 "$2" 2>/dev/null || { echo "server for $1 exited; the end of $3:" >&2; tail -20 "$3" >&2; return 1; }
        sleep 0.1
    done
    echo "server at $1 did not start in ${READY_MAX:-180} s, see $3" >&2; return 1
}

alive() { # name pid: ends the bench when the server measured is gone (its CPU and JIT figures would read 0)
    if ! kill -0 "$2" 2>/dev/null; then echo "the server $1 (pid $2) is not running" >&2; exit 1; fi
}

# The JIT compiler threads' CPU time: "tid ticks" per C1/C2 compiler thread of the process (the JDK starts and stops
# compiler threads as their queues grow and shrink, so the ticks are kept per thread, not summed)
jit_threads() { # pid
    local f line comm rest
    for f in /proc/"$1"/task/*/stat; do
        { read -r line <"$f"; } 2>/dev/null || continue
        comm=${line#*(}; comm=${comm%)*}
        case "$comm" in
            "C1 CompilerThre"* | "C2 CompilerThre"*)
                rest=${line##*) }
                # shellcheck disable=SC2086
                set -- $rest
                echo "${f#/proc/*/task/}" "$((${12} + ${13}))" ;;
        esac
    done
}
jit_ms_since() { # pid "before" (jit_threads' output): the compilers' CPU milliseconds since then
    jit_threads "$1" | awk -v before="$2" -v tick_ms="$((1000 / $(getconf CLK_TCK)))" '
        BEGIN { n = split(before, l, "\n"); for (i = 1; i <= n; i++) { split(l[i], f, " "); was[f[1]] = f[2] } }
        { d = $2 - (($1 in was) ? was[$1] : 0); if (d > 0) sum += d }
        END { print (sum + 0) * tick_ms }'
}

# Warm up a server until it is compiled: WARMUP_WINDOW runs of wrk (default 5 s) until the last WARMUP_WINDOWS of them
# (default 3) each saw the JIT compilers use under WARMUP_JIT_MS of CPU (default 100 ms, 2 % of a 5 s window) and
# their rates lie within WARMUP_TOLERANCE % (default 5) of their mean; at most WARMUP_MAX seconds (default 300), after
# which the run is marked disturbed. A rate plateau alone is not enough: on a shared CPU the full service was seen
# steady for two windows while C2 was still compiling it, and twice as fast two rounds later.
warm_up() { # name pid url [header]
    local name=$1 pid=$2 url=$3 rps jit before waited=0 windows=() jits=() n=${WARMUP_WINDOWS:-3}
    local window=${WARMUP_WINDOW:-5}
    local header=()
    if [ $# -ge 4 ]; then header=(-H "$4"); fi
    while [ "$waited" -lt "${WARMUP_MAX:-300}" ]; do
        alive "$name" "$pid"
        before=$(jit_threads "$pid")
        rps=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"${window}s" "${header[@]}" "$url" |
            awk '/Requests\/sec/ {print $2}')
        jit=$(jit_ms_since "$pid" "$before")
        waited=$((waited + window))
        windows+=("$rps"); jits+=("$jit")
        echo "  warm-up $name: $rps requests/s, JIT $jit ms of CPU in ${window} s"
        if [ ${#windows[@]} -ge "$n" ] &&
            printf '%s\n' "${jits[@]: -$n}" | awk -v max="${WARMUP_JIT_MS:-100}" '$1 > max {exit 1}' &&
            printf '%s\n' "${windows[@]: -$n}" | awk -v tol="${WARMUP_TOLERANCE:-5}" '{v[NR] = $1; sum += $1}
                END {m = sum / NR; for (i in v) if (v[i] > m * (1 + tol / 100) || v[i] < m * (1 - tol / 100)) exit 1}'; then
            echo "  $name is warm after $waited s: JIT under ${WARMUP_JIT_MS:-100} ms per window and requests/s" \
                "$(spread "${windows[@]: -$n}") over the last $n windows (within ${WARMUP_TOLERANCE:-5} % of their mean)"
            return
        fi
    done
    echo "  $name did not settle in ${WARMUP_MAX:-300} s (JIT still compiling or the rate still moving): measuring anyway" >&2
    QUIET_PROBLEMS+=("$name did not warm up in ${WARMUP_MAX:-300} s (JIT ms per window: ${jits[*]: -$n})")
}

cpu_ticks() { # pid: user + system clock ticks of the process so far
    awk '{print $14 + $15}' "/proc/$1/stat"
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# one measured round; prints "name requests/s p99 cpu-us-per-request jit-ms errors" (jit-ms: the compilers' CPU
# during the round; check_jit flags a round in which the server was still being compiled)
run_wrk() { # name pid url [header]
    local out before after jit header=()
    alive "$1" "$2"
    if [ $# -ge 4 ]; then header=(-H "$4"); fi
    jit=$(jit_threads "$2")
    before=$(cpu_ticks "$2")
    out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$3")
    after=$(cpu_ticks "$2")
    jit=$(jit_ms_since "$2" "$jit")
    echo "$out" > "$WORK/wrk-$1.txt"
    local rps p99 requests errors cpu
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    cpu=$(awk -v t="$((after - before))" -v us="$TICK_US" -v n="$requests" 'BEGIN {printf "%.0f", t * us / n}')
    errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" | tr -s ' ' | paste -sd' ' || true)
    echo "$1 $rps $p99 $cpu $jit ${errors}"
}

# marks the run disturbed when the JIT compiled for more than ROUND_JIT_MS (default 3 x WARMUP_JIT_MS) in a round
check_jit() { # round-name jit-ms
    if [ -z "$2" ]; then echo "round $1 gave no figures (see the messages above)" >&2; exit 1; fi
    if [ "$2" -gt "${ROUND_JIT_MS:-$((3 * ${WARMUP_JIT_MS:-100}))}" ]; then
        QUIET_PROBLEMS+=("the JIT compiled for $2 ms in round $1: the server was not warm yet")
    fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
spread() { printf '%s\n' "$@" | sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {print lo "-" hi}'; }
