# Shared by the bench scripts (sourced, not run): is the machine quiet enough for the figures to mean something?
#
#   quiet_start                 before the first round: refuses (exit 4) when the load average is already high
#   quiet_round_begin / _end    around each measured round: notes steal time and other processes' CPU during it
#   quiet_outliers NAME V...    flags the rounds of one series more than QUIET_SPREAD (default 15 %) from its median
#   quiet_verdict               after the results, before the ratio: says what disturbed the run; remembers exit 4
#   quiet_exit                  the last command of a script: exit 4 when the run was disturbed, else 0
#
# QUIET_MAX_LOAD (default 1.0): the highest 1-minute load average accepted at the start.
# QUIET_MAX_STEAL (default 2): the highest steal time in a round, in % of the machine's CPU time.
# QUIET_MAX_OTHERS (default 10): the highest CPU time of processes that are not this script's descendants (other
#   builds, other benchmarks) in a round, in % of the machine's CPU time. QUIET_OURS lists the command names of
#   servers the benchmark uses but did not start as its children (postgres, a daemonised nginx): they count as its own.
# BENCH_ALLOW_NOISE=1 turns refusals into warnings (the figures are then printed as disturbed, the exit code is 0).
QUIET_MAX_LOAD=${QUIET_MAX_LOAD:-1.0}
QUIET_MAX_STEAL=${QUIET_MAX_STEAL:-2}
QUIET_MAX_OTHERS=${QUIET_MAX_OTHERS:-10}
QUIET_SPREAD=${QUIET_SPREAD:-15}
QUIET_PROBLEMS=()
QUIET_CORES=$(nproc)

quiet_start() {
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v m="$QUIET_MAX_LOAD" 'BEGIN {exit !(l > m)}'; then
        echo "bench: the machine is busy (1-minute load average $load > $QUIET_MAX_LOAD on $QUIET_CORES cores):" \
            "its figures would measure the other work. Wait for it to finish, or set BENCH_ALLOW_NOISE=1." >&2
        if [ -z "${BENCH_ALLOW_NOISE:-}" ]; then exit 4; fi
        QUIET_PROBLEMS+=("load average $load at the start")
    fi
}

# total and steal jiffies of the whole machine, from /proc/stat's cpu line
quiet_cpu_now() { awk '$1 == "cpu" {t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9; exit}' /proc/stat; }

# one line per process: pid, parent pid, user + system clock ticks so far, command name
quiet_processes() {
    local f line pid rest comm
    for f in /proc/[0-9]*/stat; do
        { read -r line <"$f"; } 2>/dev/null || continue
        pid=${line%% *}
        rest=${line##*) }
        comm=${line#*(}
        comm=${comm%)*}
        # shellcheck disable=SC2086
        set -- $rest
        echo "$pid $2 $((${12} + ${13})) ${comm// /_}"
    done
}

quiet_round_begin() {
    read -r QUIET_T0 QUIET_S0 <<<"$(quiet_cpu_now)"
    quiet_processes >"${TMPDIR:-/tmp}/quiet-$$.before"
}

# the CPU ticks, during the round, of every process that is not this script or one of its descendants
quiet_others_ticks() {
    quiet_processes | awk -v self="$$" -v before="${TMPDIR:-/tmp}/quiet-$$.before" -v names="${QUIET_OURS:-}" '
        BEGIN {
            while ((getline line < before) > 0) { split(line, f, " "); was[f[1]] = f[3] }
            n = split(names, list, " "); for (i = 1; i <= n; i++) named[list[i]] = 1
        }
        { parent[$1] = $2; ticks[$1] = $3; if ($4 in named) ours[$1] = 1 }
        END {
            ours[self] = 1
            do { grew = 0; for (p in parent) if (!(p in ours) && (parent[p] in ours)) { ours[p] = 1; grew = 1 } } while (grew)
            for (p in ticks) if (!(p in ours)) others += ticks[p] - ((p in was) ? was[p] : 0)
            print others + 0
        }'
}

quiet_round_end() { # round-name
    local t1 s1 steal others
    others=$(quiet_others_ticks)
    read -r t1 s1 <<<"$(quiet_cpu_now)"
    rm -f "${TMPDIR:-/tmp}/quiet-$$.before"
    others=$(awk -v dt="$((t1 - QUIET_T0))" -v o="$others" 'BEGIN {printf "%.1f", (dt > 0 ? 100 * o / dt : 0)}')
    if awk -v o="$others" -v m="$QUIET_MAX_OTHERS" 'BEGIN {exit !(o > m)}'; then
        QUIET_PROBLEMS+=("other processes used $others % of the machine's CPU in round $1")
    fi
    steal=$(awk -v dt="$((t1 - QUIET_T0))" -v ds="$((s1 - QUIET_S0))" 'BEGIN {printf "%.1f", (dt > 0 ? 100 * ds / dt : 0)}')
    if awk -v s="$steal" -v m="$QUIET_MAX_STEAL" 'BEGIN {exit !(s > m)}'; then
        QUIET_PROBLEMS+=("steal time $steal % in round $1")
    fi
}

quiet_outliers() { # name value...
    local name=$1; shift
    local flagged
    local median
    median=$(printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
    flagged=$(printf '%s\n' "$@" | awk -v m="$median" -v spread="$QUIET_SPREAD" '
        m > 0 && ($1 > m * (1 + spread / 100) || $1 < m * (1 - spread / 100)) {
            printf "round %d (%s vs median %s) ", NR, $1, m
        }')
    if [ -n "$flagged" ]; then
        QUIET_PROBLEMS+=("$name: ${flagged% }: more than $QUIET_SPREAD % from the median")
    fi
}

quiet_verdict() {
    if [ ${#QUIET_PROBLEMS[@]} -eq 0 ]; then
        echo "machine: quiet (steal under $QUIET_MAX_STEAL %, other processes under $QUIET_MAX_OTHERS % of the CPU," \
            "every round within $QUIET_SPREAD % of its median)"
        return
    fi
    echo "DISTURBED RUN: these figures are not to be recorded as they are:"
    printf '  - %s\n' "${QUIET_PROBLEMS[@]}"
}

quiet_exit() {
    if [ ${#QUIET_PROBLEMS[@]} -gt 0 ] && [ -z "${BENCH_ALLOW_NOISE:-}" ]; then exit 4; fi
    exit 0
}
