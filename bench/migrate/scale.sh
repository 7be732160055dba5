#!/usr/bin/env bash
# Whole-process benchmark of the large-folder case (issue #8): with N migration files of which N-1 are applied,
# `keelson db migrate` (applies the last one), `keelson db status` and `keelson db validate` against Flyway migrate,
# info and validate, at each size given, so the output shows how each tool's time grows with the number of files.
#
#   bench/migrate/scale.sh [ROUNDS] [SIZES...]        (defaults: 3 rounds, sizes 1000 10000)
#
# Per size, each tool applies the first N-1 files once to its own fresh PostgreSQL database (the set-up, timed and
# reported but not the measured figure), then runs one unmeasured status. In each round each tool runs, on its
# database, migrate (the one pending file), then status/info and validate with all N applied; then SQL takes that
# database back to N-1 applied (drops the table migration N made and deletes its history row; untimed). The tools
# alternate who goes first.
# Generator, tools and timing are bench/migrate/common.sh, shared with run.sh (the 500-migration from-scratch case).
#
# Environment: as run.sh (JAVA_HOME, PGHOST, PGPORT, PGUSER, KEELSON_BENCH_NO_BUILD=1). Needs about 0.6 GB of disk
# in PostgreSQL per 10,000 migrations and tool, and on a 2-core machine 10 to 20 minutes for the defaults, most of
# it Flyway's set-up (applying 9,999 files from scratch).
# Prints the median wall and CPU time of each command per size, the ratios keelson/Flyway, the growth of each
# median from the smallest size to the others (linear in the number of files: about SIZE/SMALLEST, less because
# JVM start-up is a fixed part), the wall time each 1,000 more files add, and the load average before and after.
set -euo pipefail

ROUNDS=${1:-3}
shift || true
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/migrate"
# shellcheck source=bench/migrate/common.sh
. "$HERE/common.sh"

LOAD_BEFORE=$(uptime | sed "s/^ *//")
TOOLS=(keelson flyway)
OPS=(migrate status validate)

# time_tool NAME TOOL OP DATABASE DIR: times the command a user would type (Flyway's "status" is info)
time_tool() {
    local name=$1 u; u=$(url "$4")
    case "$2/$3" in
        keelson/*) time_run "$name" "${KEELSON[@]}" db "$3" --url "$u" --user "$PGUSER" --dir "$5" ;;
        flyway/status) time_run "$name" "${FLYWAY[@]}" info "$u" "$PGUSER" "filesystem:$5" ;;
        flyway/*) time_run "$name" "${FLYWAY[@]}" "$3" "$u" "$PGUSER" "filesystem:$5" ;;
    esac
}
history_table() { [ "$1" = keelson ] && echo keelson_schema_history || echo flyway_schema_history; }
applied() { psql -tA -d "$1" -c "SELECT count(*) FROM $(history_table "$2") WHERE success"; }

# undo_last TOOL N: takes the tool's database back to N-1 applied for the next round (the table migration N made and its
# history row go), so that one set-up serves every round
undo_last() {
    psql -q -d "kbs_$1" -c "DROP TABLE bench_$2" -c "DELETE FROM $(history_table "$1") WHERE version = '$2'" >/dev/null
}

measure_size() {
    local n=$1 dir="$WORK/m$1" tool op r order
    log "size $n: generating $n files, applying the first $((n - 1)) (set-up)..."
    generate_migrations "$dir" 1 $((n - 1))
    for tool in "${TOOLS[@]}"; do
        fresh_db "kbs_$tool"
        time_tool "setup_${tool}_$n" "$tool" migrate "kbs_$tool" "$dir"
        [ "$(applied "kbs_$tool" "$tool")" = $((n - 1)) ] || { log "$tool set-up: expected $((n - 1)) applied"; exit 1; }
    done
    generate_migrations "$dir" "$n" "$n"
    psql -q -d postgres -c "CHECKPOINT" >/dev/null   # the set-up's writes land now, not in a timed run
    for tool in "${TOOLS[@]}"; do time_tool "warmup_$tool" "$tool" status "kbs_$tool" "$dir"; done   # unmeasured
    for r in $(seq 1 "$ROUNDS"); do
        log "size $n: round $r/$ROUNDS"
        order=("${TOOLS[@]}")
        (( r % 2 )) || order=(flyway keelson)   # alternate who goes first
        quiet_round_begin
        for tool in "${order[@]}"; do
            for op in "${OPS[@]}"; do time_tool "${tool}_${op}_$n" "$tool" "$op" "kbs_$tool" "$dir"; done
            [ "$(applied "kbs_$tool" "$tool")" = "$n" ] || { log "$tool: expected $n applied after migrate"; exit 1; }
            undo_last "$tool" "$n"
        done
        quiet_round_end "size $n round $r"
    done
    for tool in "${TOOLS[@]}"; do drop_db "kbs_$tool"; done
    rm -rf "$dir"
}

for n in "${SIZES[@]}"; do measure_size "$n"; done
LOAD_AFTER=$(uptime | sed "s/^ *//")

# --- the report --------------------------------------------------------------------------------------
label() { case $1 in migrate) echo "migrate (last one)" ;; status) echo "status/info" ;; *) echo "$1" ;; esac; }
growth() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", a / b}'; }
per_thousand() { awk -v a="$1" -v b="$2" -v n="$3" -v s="$4" 'BEGIN {printf "%.0f", (a - b) * 1000 / (n - s)}'; }

report_size() {
    local n=$1 op k f kind unit
    echo
    echo "$n migrations, $((n - 1)) applied by the set-up (keelson $(median "setup_keelson_$n.ms") ms, Flyway $(median "setup_flyway_$n.ms") ms, not counted;"
    echo "  of which SQL execution by Flyway's own count: $(grep -o 'execution time [^)]*' "$WORK/setup_flyway_$n.err" | tail -n1 | sed 's/execution time //')):"
    echo "                               keelson   Flyway   keelson/Flyway"
    for kind in ms cpums; do
        unit=$([ $kind = ms ] && echo "wall ms" || echo "CPU ms")
        for op in "${OPS[@]}"; do
            k=$(median "keelson_${op}_$n.$kind"); f=$(median "flyway_${op}_$n.$kind")
            printf '%-29s %7s  %7s   %14s\n' "$(label "$op"), $unit" "$k" "$f" "$(ratio "$k" "$f")"
        done
    done
    for op in "${OPS[@]}"; do
        printf 'all runs (ms), %-19s keelson %s | Flyway %s\n' "$(label "$op")" \
            "$(paste -sd' ' "$WORK/keelson_${op}_$n.ms")" "$(paste -sd' ' "$WORK/flyway_${op}_$n.ms")"
    done
}

report_growth() {
    local small=$1 n=$2 op
    echo
    echo "growth from $small to $n files ($(growth "$n" "$small") the files; JVM start-up is a fixed share, so linear is less):"
    echo "                               keelson wall (CPU)   Flyway wall (CPU)   wall ms per 1,000 more files: keelson  Flyway"
    for op in "${OPS[@]}"; do
        printf '%-29s %12s (%5s)  %11s (%5s)   %37s  %6s\n' "$(label "$op")" \
            "$(growth "$(median "keelson_${op}_$n.ms")" "$(median "keelson_${op}_$small.ms")")" \
            "$(growth "$(median "keelson_${op}_$n.cpums")" "$(median "keelson_${op}_$small.cpums")")" \
            "$(growth "$(median "flyway_${op}_$n.ms")" "$(median "flyway_${op}_$small.ms")")" \
            "$(growth "$(median "flyway_${op}_$n.cpums")" "$(median "flyway_${op}_$small.cpums")")" \
            "$(per_thousand "$(median "keelson_${op}_$n.ms")" "$(median "keelson_${op}_$small.ms")" "$n" "$small")" \
            "$(per_thousand "$(median "flyway_${op}_$n.ms")" "$(median "flyway_${op}_$small.ms")" "$n" "$small")"
    done
}

cat <<OUT
keelson db migrate/status/validate vs Flyway $FLYWAY_VERSION migrate/info/validate with N-1 of N migrations applied
(table + index + inserts each), sizes ${SIZES[*]}, $ROUNDS rounds, PostgreSQL $(psql -tA -d postgres -c 'SHOW server_version')
JVM: $(jvm_line)
Flyway run as: a JVM process calling Flyway's API (bench/migrate/flyway/FlywayMain.java); flyway-commandline needs artifacts not on Maven Central
keelson run as: $KEELSON_AS
load before: $LOAD_BEFORE
load after:  $LOAD_AFTER
(medians; migrate applies the one pending file; status/info and validate then run with all N applied;
CPU = user + system time of the process, which contention on a shared machine disturbs less)
OUT
for n in "${SIZES[@]}"; do report_size "$n"; done
for n in "${SIZES[@]:1}"; do report_growth "${SIZES[0]}" "$n"; done
last=${SIZES[${#SIZES[@]}-1]}
for tool in keelson flyway; do
    for op in "${OPS[@]}"; do
        # shellcheck disable=SC2046
        quiet_outliers "$tool $op at $last, wall ms" $(cat "$WORK/${tool}_${op}_$last.ms")
    done
done
echo
quiet_verdict
printf 'ratio keelson/Flyway at %s files, wall:' "$last"
for op in "${OPS[@]}"; do
    printf ' %s %s' "$op" "$(ratio "$(median "keelson_${op}_$last.ms")" "$(median "flyway_${op}_$last.ms")")"
done
echo " (goal <= 0.5 each: #22)"
quiet_exit
