#!/usr/bin/env bash
# Benchmark: keelson load under several sets of JVM options, alternately in one run, with wrk in every round, against
# run.sh's nginx: which options make the whole process cheaper per request without slowing its steady state, and
# where each set's CPU goes, thread by thread.
#
#   bench/load/jvm.sh                                               the launcher's defaults vs C1 only, 3 rounds of 10 s
#   VARIANTS='|-XX:+UseG1GC|-XX:AOTMode=off' ROUNDS=5 bench/load/jvm.sh
#
# VARIANTS: option sets separated by '|', each given to the launcher as KEELSON_JAVA_OPTS (after its own options, so
# they win); an empty set is the launcher's defaults. Each round runs wrk, then every set, rotated by one each round.
# For each set it prints the medians (and ranges) of: requests/s; requests per CPU-second of the whole process and of
# its steady state (common.sh); the whole process's CPU-seconds; the fixed part of them (whole-process CPU minus the
# requests times the steady state's CPU per request: start-up, class loading, compilation, exit); and the CPU by
# thread at the end of the run: the event loop, the C1 and C2 compiler threads, the GC and VM threads, main, the
# rest, and what the samples missed (the launcher's child processes, threads that ended, the last 50 ms).
# Settings as run.sh's (ROUNDS, DURATION, SERVER_CPU, CLIENT_CPU, KEELSON); PORT 18183 by default.
set -euo pipefail

PORT=${PORT:-18183}
ROUNDS=${ROUNDS:-3}
VARIANTS=${VARIANTS-"|-XX:TieredStopAtLevel=1"}
for tool in nginx wrk taskset; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "bench/load/jvm.sh needs $tool: apt-get install nginx wrk util-linux" >&2
        exit 1
    }
done
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_nginx
curl -fsS "$URL" >/dev/null
SETS=()
IFS='|' read -r -a SETS <<<"$VARIANTS"
# read drops a trailing empty set ("-XX:X|"), and makes none of an empty VARIANTS
if [ ${#SETS[@]} = 0 ] || [ "${VARIANTS: -1}" = "|" ]; then SETS+=(""); fi


# run_keelson's seven figures, then: whole CPU-s, fixed CPU-s, and the CPU-s of loop, C1, C2, GC+VM, main, rest, missed
run_set() { # option set
    local k n
    k=$(THREAD_LOG="$WORK/threads" KEELSON_JAVA_OPTS="$1" run_keelson --users 50)
    n=$(sed -n 's/^ *"requests" : \([0-9]*\).*/\1/p' "$WORK/keelson.json" | head -n1)
    printf '%s' "$k"
    read -r _ _ _ _ _ su ss <<<"$k"
    read -r user system <"$WORK/time"
    awk -v hz="$(getconf CLK_TCK)" -v total="$(echo "$user + $system" | bc -l)" -v n="$n" -v steady="$(echo "$su + $ss" | bc -l)" '
        { t = ($1 + $2) / hz; sum += t }
        $3 ~ /^keelson-loop/ { g["loop"] += t; next }
        $3 ~ /^C1_Compiler/ { g["c1"] += t; next }
        $3 ~ /^C2_Compiler/ { g["c2"] += t; next }
        $3 ~ /^(VM_Thread|GC_Thread|G1_|VM_Periodic)/ { g["gc"] += t; next }
        $3 == "java" { g["main"] += t; next } # the main thread: the JVM keeps the name "java" for it
        { g["rest"] += t }
        END { printf " %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f\n", total, total - n * steady / 1e6,
            g["loop"], g["c1"], g["c2"], g["gc"], g["main"], g["rest"], total - sum }' "$WORK/threads"
    sort -k3 "$WORK/threads" >"$WORK/threads.last.$2"
}

echo "warming up (builds the CLI if needed)..." >&2
SECONDS_EACH=2 run_keelson --users 50 >/dev/null

: >"$WORK/wrk"
for i in "${!SETS[@]}"; do : >"$WORK/set$i"; done
for round in $(seq 1 "$ROUNDS"); do
    quiet_round_begin
    w=$(run_wrk)
    echo "$w" >>"$WORK/wrk"
    printf 'round %d: wrk %8.0f/s' "$round" "$(echo "$w" | cut -d' ' -f1)"
    for j in "${!SETS[@]}"; do
        i=$(((j + round - 1) % ${#SETS[@]}))
        r=$(run_set "${SETS[$i]}" "$i")
        echo "$r" >>"$WORK/set$i"
        printf '   [%d] %8.0f/s %8.0f/cpu-s %5.2f cpu-s' "$i" $(echo "$r" | cut -d' ' -f1,2,8)
    done
    echo
    quiet_round_end "$round"
done

range() { awk -v c="$2" '{print $c}' "$WORK/$1" | sort -g | awk '{a[NR]=$1} END {printf "%s-%s", a[1], a[NR]}'; }
echo
quiet_verdict
printf 'medians over %d rounds of %s, 50 connections, 1 thread, server on CPU %s, client on CPU %s; load average %s\n' \
    "$ROUNDS" "${SECONDS_EACH}s" "$SERVER_CPU" "$CLIENT_CPU" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'wrk: %.0f requests/s, %.0f per CPU-second whole, %.0f steady\n' "$(col wrk 1)" "$(col wrk 2)" "$(col wrk 5)"
for i in "${!SETS[@]}"; do
    echo
    echo "[$i] KEELSON_JAVA_OPTS='${SETS[$i]}'"
    printf '  requests/s %.0f (%s), per CPU-second: whole %.0f (%s), steady %.0f (%s)\n' \
        "$(col "set$i" 1)" "$(range "set$i" 1)" "$(col "set$i" 2)" "$(range "set$i" 2)" "$(col "set$i" 5)" "$(range "set$i" 5)"
    printf '  us/request whole %.2f + %.2f, steady %.2f + %.2f (user + system)\n' \
        "$(col "set$i" 3)" "$(col "set$i" 4)" "$(col "set$i" 6)" "$(col "set$i" 7)"
    printf '  CPU-s: whole %.2f (%s), fixed %.2f (%s); by thread: loop %.2f, C1 %.2f, C2 %.2f, GC+VM %.2f, main %.2f, rest %.2f, missed %.2f\n' \
        "$(col "set$i" 8)" "$(range "set$i" 8)" "$(col "set$i" 9)" "$(range "set$i" 9)" "$(col "set$i" 10)" \
        "$(col "set$i" 11)" "$(col "set$i" 12)" "$(col "set$i" 13)" "$(col "set$i" 14)" "$(col "set$i" 15)" "$(col "set$i" 16)"
    awk -v k="$(col "set$i" 1)" -v w="$(col wrk 1)" -v kc="$(col "set$i" 2)" -v wc="$(col wrk 2)" \
        -v ks="$(col "set$i" 5)" -v ws="$(col wrk 5)" 'BEGIN {
        printf "  keelson/wrk = %.2f requests/s, %.2f per CPU-second of the whole process, %.2f in the steady state\n",
            k / w, kc / wc, ks / ws }'
done
if [ -n "${THREADS_SHOWN:-}" ]; then
    for i in "${!SETS[@]}"; do
        echo; echo "[$i] threads of the last round (user ticks, system ticks, name):"; cat "$WORK/threads.last.$i"
    done
fi
quiet_exit
