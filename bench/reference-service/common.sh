# Settings and functions shared by run.sh and features.sh (sourced, not run): building the service, starting, warming
# up and measuring a server. The sourcing script sets ROOT and WORK first.
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PG=${PG:-"-h 127.0.0.1 -U postgres"}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR="$ROOT/reference-service/target/reference-service-0.1.0-SNAPSHOT.jar"

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

# Warm up each server until its JIT has settled: 10 s runs until requests/s is stable, that is the last WARMUP_WINDOWS
# runs (default 3) within WARMUP_TOLERANCE % (default 5) of their mean, at most WARMUP_MAX seconds (default 300). The
# full service has far more code to compile than the bare one, and on a shared CPU its compiler threads need minutes:
# two close runs in a row were seen while the rate was still doubling two rounds later.
warm_up() { # name url [header]
    local rps waited=0 windows=()
    while [ "$waited" -lt "${WARMUP_MAX:-300}" ]; do
        if [ $# -eq 3 ]; then
            rps=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d10s -H "$3" "$2" | awk '/Requests\/sec/ {print $2}')
        else
            rps=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d10s "$2" | awk '/Requests\/sec/ {print $2}')
        fi
        waited=$((waited + 10))
        windows+=("$rps")
        echo "  warm-up $1: $rps requests/s"
        if [ ${#windows[@]} -ge "${WARMUP_WINDOWS:-3}" ] && printf '%s\n' "${windows[@]: -${WARMUP_WINDOWS:-3}}" |
            awk -v tol="${WARMUP_TOLERANCE:-5}" '{v[NR] = $1; sum += $1}
                END {m = sum / NR; for (i in v) if (v[i] > m * (1 + tol / 100) || v[i] < m * (1 - tol / 100)) exit 1}'; then
            echo "  $1 is warm: the last ${WARMUP_WINDOWS:-3} runs are within ${WARMUP_TOLERANCE:-5} % of their mean"
            return
        fi
    done
    echo "  $1 did not settle in ${WARMUP_MAX:-300} s: measuring anyway" >&2
    QUIET_PROBLEMS+=("$1 did not warm up to a stable rate in ${WARMUP_MAX:-300} s")
}

cpu_ticks() { # pid: user + system clock ticks of the process so far
    awk '{print $14 + $15}' "/proc/$1/stat"
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))

run_wrk() { # name pid url [header]
    local out before after
    before=$(cpu_ticks "$2")
    if [ $# -eq 4 ]; then
        out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$4" "$3")
    else
        out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$3")
    fi
    after=$(cpu_ticks "$2")
    echo "$out" > "$WORK/wrk-$1.txt"
    local rps p99 requests errors cpu
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    cpu=$(awk -v t="$((after - before))" -v us="$TICK_US" -v n="$requests" 'BEGIN {printf "%.0f", t * us / n}')
    errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" | tr -s ' ' | paste -sd' ' || true)
    echo "$1 $rps $p99 $cpu ${errors}"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { printf '%s\n' "$@" | sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {print lo "-" hi}'; }
