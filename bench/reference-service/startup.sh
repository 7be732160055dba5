#!/usr/bin/env bash
# Benchmark: start-up to ready of the reference service, measured from process launch to the first 200 from
# /health/ready, on the embedded PostgreSQL with its data folder already there (the case a developer meets every
# day; one start before the rounds creates it and is reported as the cold start).
#
#   bench/reference-service/startup.sh              3 starts per way of starting
#   RUNS=5 MODES="aot" bench/reference-service/startup.sh
#   SKIP_BUILD=1 bench/reference-service/startup.sh  reuse reference-service/target's jar
#   JVM_ARGS="-Xlog:startuptime" ...                 extra JVM options for every start
#   APP_ARGS="--spring.main.lazy-initialization=true" ...   extra arguments for every start
#   B_JVM_ARGS="-XX:CICompilerCount=2" B_APP_ARGS=... ...   A/B: every start of each way is followed by one with these
#                                                    options added (training runs stay A's), medians of both, ratio b/a
#
# Ways of starting (MODES, all by default):
#   jar        java -jar reference-service-0.1.0-SNAPSHOT.jar
#   extracted  the jar extracted (java -Djarmode=tools -jar … extract), java -jar on the extracted jar
#   aot        extracted, with a JDK AOT cache made by one training run (-XX:AOTCacheOutput), JDK 25 only
#
# Prints per start the time to ready and Spring's own "Started … in" figure, then the medians per way, and last the
# ratio of the best way's median to the 3 s goal (#22), or with B_JVM_ARGS/B_APP_ARGS the ratio b/a.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS=${RUNS:-3}
MODES=${MODES:-"jar extracted aot"}
PORT=${PORT:-18283}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WORK="$ROOT/bench/work/reference-service/startup"
JAR_NAME=reference-service-0.1.0-SNAPSHOT.jar
JAR="$ROOT/reference-service/target/$JAR_NAME"

# shellcheck source=../quiet.sh
source "$ROOT/bench/quiet.sh"
quiet_start

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building reference-service ..."
    (cd "$ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -ntp -q -pl reference-service -am package -DskipTests)
fi
rm -rf "$WORK"
mkdir -p "$WORK/run"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null

pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; fi
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start once with the given JVM options; prints "<ms to ready> <Spring's Started seconds>"
start_once() { # log jvm-option...
    local log=$1; shift
    local t0 t1
    t0=$(now_ms)
    (cd "$WORK/run" && exec "$JAVA" ${JVM_ARGS:-} "$@" --server.port="$PORT" ${APP_ARGS:-}) > "$log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the service exited before it was ready; the end of $log:" >&2; tail -20 "$log" >&2; exit 1
        fi
        if [ $(( $(now_ms) - t0 )) -gt 120000 ]; then echo "not ready after 120 s, see $log" >&2; exit 1; fi
        sleep 0.02
    done
    t1=$(now_ms)
    kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; pid=
    local started
    started=$(grep -o 'Started ReferenceApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1 || true)
    echo "$((t1 - t0)) ${started:--}"
}

median() {
    sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo "cold start (creates the embedded PostgreSQL data folder and migrates) ..."
read -r ms started < <(start_once "$WORK/cold.log" -jar "$WORK/app/$JAR_NAME")
printf 'cold       ready %6d ms   Started in %s s\n' "$ms" "$started"

summary=()
AB=""
if [ -n "${B_JVM_ARGS:-}${B_APP_ARGS:-}" ]; then AB=1; fi
best=""
ratio=""
for mode in $MODES; do
    case $mode in
        jar) opts=(-jar "$JAR") ;;
        extracted) opts=(-jar "$WORK/app/$JAR_NAME") ;;
        aot)
            echo "training run for the AOT cache ..."
            (cd "$WORK/run" && "$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh \
                -jar "$WORK/app/$JAR_NAME" --server.port="$PORT" ${APP_ARGS:-}) > "$WORK/training.log" 2>&1 \
                || { echo "the training run failed, see $WORK/training.log" >&2; exit 1; }
            opts=(-XX:AOTCache="$WORK/app.aot" -jar "$WORK/app/$JAR_NAME") ;;
        *) echo "unknown mode '$mode' in MODES (jar, extracted, aot)" >&2; exit 2 ;;
    esac
    readies=(); starteds=(); b_readies=(); b_starteds=()
    # one start not counted: the first after a training run stops the PostgreSQL that run left behind
    start_once "$WORK/$mode-0.log" "${opts[@]}" >/dev/null
    for i in $(seq 1 "$RUNS"); do
        quiet_round_begin
        read -r ms started < <(start_once "$WORK/$mode-$i.log" "${opts[@]}")
        quiet_round_end "$mode start $i"
        printf '%-10s ready %6d ms   Started in %s s\n' "$mode" "$ms" "$started"
        readies+=("$ms"); starteds+=("$started")
        if [ -n "$AB" ]; then
            quiet_round_begin
            # shellcheck disable=SC2086
            read -r ms started < <(APP_ARGS="${APP_ARGS:-} ${B_APP_ARGS:-}" start_once "$WORK/$mode-b$i.log" ${B_JVM_ARGS:-} "${opts[@]}")
            quiet_round_end "$mode-b start $i"
            printf '%-10s ready %6d ms   Started in %s s\n' "$mode-b" "$ms" "$started"
            b_readies+=("$ms"); b_starteds+=("$started")
        fi
    done
    m=$(printf '%s\n' "${readies[@]}" | median)
    quiet_outliers "$mode ready ms" "${readies[@]}"
    if [ -n "$AB" ]; then quiet_outliers "$mode-b ready ms" "${b_readies[@]}"; fi
    summary+=("$(printf '%-10s median ready %6s ms (%s-%s)   median Started in %s s' "$mode" "$m" \
        "$(printf '%s\n' "${readies[@]}" | sort -n | head -1)" "$(printf '%s\n' "${readies[@]}" | sort -n | tail -1)" \
        "$(printf '%s\n' "${starteds[@]}" | grep -v -- - | median)")")
    if [ -z "$best" ] || awk -v m="$m" -v b="$best" 'BEGIN {exit !(m < b)}'; then best=$m; fi
    if [ -n "$AB" ]; then
        mb=$(printf '%s\n' "${b_readies[@]}" | median)
        summary+=("$(printf '%-10s median ready %6s ms (%s-%s)   median Started in %s s' "$mode-b" "$mb" \
            "$(printf '%s\n' "${b_readies[@]}" | sort -n | head -1)" "$(printf '%s\n' "${b_readies[@]}" | sort -n | tail -1)" \
            "$(printf '%s\n' "${b_starteds[@]}" | grep -v -- - | median)")")
        ratio+="$mode $(awk -v a="$m" -v b="$mb" 'BEGIN {printf "%.2f", b / a}') "
    fi
done
echo
printf '%s\n' "${summary[@]}"
quiet_verdict
if [ -n "$AB" ]; then
    echo "ratio b/a of the median time to ready (below 1: b starts faster): $ratio"
else
    echo "ratio of the fastest way's median time to ready to the 3 s goal (#22): $(awk -v b="$best" 'BEGIN {printf "%.2f", b / 3000}')"
fi
quiet_exit
