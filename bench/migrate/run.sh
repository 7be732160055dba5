#!/usr/bin/env bash
# Whole-process benchmark: `keelson db migrate` / `keelson db status` against Flyway migrate / info,
# on the same generated migrations, on fresh PostgreSQL databases, with the same JDK; and `keelson db migrate`
# against the floor: psql applying the same files in one session, one transaction per file (BEGIN; \i FILE; COMMIT),
# which is what any migration tool must at least do.
#
#   bench/migrate/run.sh [ROUNDS] [MIGRATIONS]        (defaults: 5 rounds, 500 migrations)
#
# The 10,000-migration case (migrate of the last one, status, validate at two sizes) is bench/migrate/scale.sh.
#
# Environment: JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (postgres; trust auth), KEELSON_BENCH_NO_BUILD=1 (time keelson-cli/target/keelson.jar as it is),
# B_KEELSON=PATH (another build's keelson command, e.g. a clone of main's ./keelson: timed in the same rounds as this
# one, alternated with it, on databases of its own, and its figures printed beside; an A/B on a busy machine).
# Needs mvn, psql, and network access to Maven Central on the first run.
# Prints the median wall time of each command over the rounds and the ratios keelson/Flyway and keelson/psql
# (goals of #22: migrate <= 0.35 of Flyway, status <= 0.3 of info, migrate <= 1.2 of the psql floor; exit 4 when the
# machine was not quiet: bench/README.md). Takes about 1 minute per round on a quiet 2-core machine.
set -euo pipefail

ROUNDS=${1:-5}
COUNT=${2:-500}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/migrate"
# shellcheck source=bench/migrate/common.sh
. "$HERE/common.sh"

MIGRATIONS="$WORK/migrations"
generate_migrations "$MIGRATIONS" 1 "$COUNT"
FLOOR="$WORK/floor.sql"   # the floor: one psql session, a transaction per file, stopping at the first error
{
    echo '\set ON_ERROR_STOP 1'
    for ((i = 1; i <= COUNT; i++)); do printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$MIGRATIONS/V${i}__create_table_${i}.sql"; done
} >"$FLOOR"

# migrate and status both need a database in which the other tool's history is absent: each tool has its own
keelson_migrate() { time_run keelson_migrate "${KEELSON[@]}" db migrate --url "$(url "$1")" --user "$PGUSER" --dir "$MIGRATIONS"; }
keelson_status() { time_run keelson_status "${KEELSON[@]}" db status --url "$(url "$1")" --user "$PGUSER" --dir "$MIGRATIONS"; }
flyway_migrate() { time_run flyway_migrate "${FLYWAY[@]}" migrate "$(url "$1")" "$PGUSER" "filesystem:$MIGRATIONS"; }
flyway_info() { time_run flyway_info "${FLYWAY[@]}" info "$(url "$1")" "$PGUSER" "filesystem:$MIGRATIONS"; }
psql_floor() { time_run psql_floor psql -q -X -d "$1" -f "$FLOOR"; }
B=()
if [ -n "${B_KEELSON:-}" ]; then
    log "building B (B_KEELSON --version)..."
    "$B_KEELSON" --version >/dev/null
    B=("$B_KEELSON")
fi
b_migrate() { time_run b_migrate "${B[@]}" db migrate --url "$(url "$1")" --user "$PGUSER" --dir "$MIGRATIONS"; }
b_status() { time_run b_status "${B[@]}" db status --url "$(url "$1")" --user "$PGUSER" --dir "$MIGRATIONS"; }
# keelson and B side by side, the one that goes first alternating with the round
keelson_pair() { # round command
    if [ ${#B[@]} -eq 0 ]; then "keelson_$2" kb_keelson; return; fi
    if (( $1 % 2 )); then "keelson_$2" kb_keelson; "b_$2" kb_b; else "b_$2" kb_b; "keelson_$2" kb_keelson; fi
}

log "warming up the page cache (one unmeasured run each)..."
fresh_db kb_warm; "${KEELSON[@]}" db migrate --url "$(url kb_warm)" --user "$PGUSER" --dir "$MIGRATIONS" >/dev/null 2>&1; drop_db kb_warm
if [ ${#B[@]} -gt 0 ]; then
    fresh_db kb_warm; "${B[@]}" db migrate --url "$(url kb_warm)" --user "$PGUSER" --dir "$MIGRATIONS" >/dev/null 2>&1; drop_db kb_warm
fi
fresh_db kb_warm; "${FLYWAY[@]}" migrate "$(url kb_warm)" "$PGUSER" "filesystem:$MIGRATIONS" >/dev/null 2>&1; drop_db kb_warm

for r in $(seq 1 "$ROUNDS"); do
    log "round $r/$ROUNDS"
    fresh_db kb_keelson; fresh_db kb_flyway; fresh_db kb_psql
    [ ${#B[@]} -eq 0 ] || fresh_db kb_b
    quiet_round_begin
    if (( r % 2 )); then   # alternate who goes first
        psql_floor kb_psql; keelson_pair "$r" migrate; flyway_migrate kb_flyway; keelson_pair "$r" status; flyway_info kb_flyway
    else
        flyway_migrate kb_flyway; keelson_pair "$r" migrate; psql_floor kb_psql; flyway_info kb_flyway; keelson_pair "$r" status
    fi
    quiet_round_end "$r"
    [ "$(psql -tA -d kb_psql -c "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'bench\_%'")" = "$COUNT" ] \
        || { log "psql floor: expected $COUNT tables"; exit 1; }
    applied_k=$(psql -tA -d kb_keelson -c "SELECT count(*) FROM keelson_schema_history WHERE success")
    applied_f=$(psql -tA -d kb_flyway -c "SELECT count(*) FROM flyway_schema_history WHERE success")
    [ "$applied_k" = "$COUNT" ] && [ "$applied_f" = "$COUNT" ] || { log "expected $COUNT applied, got keelson=$applied_k flyway=$applied_f"; exit 1; }
    if [ ${#B[@]} -gt 0 ]; then
        applied_b=$(psql -tA -d kb_b -c "SELECT count(*) FROM keelson_schema_history WHERE success")
        [ "$applied_b" = "$COUNT" ] || { log "expected $COUNT applied by B, got $applied_b"; exit 1; }
    fi
done
drop_db kb_keelson; drop_db kb_flyway; drop_db kb_psql
[ ${#B[@]} -eq 0 ] || drop_db kb_b

km=$(median keelson_migrate.ms); fm=$(median flyway_migrate.ms); ks=$(median keelson_status.ms); fs=$(median flyway_info.ms)
pm=$(median psql_floor.ms); pmc=$(median psql_floor.cpums)
kmc=$(median keelson_migrate.cpums); fmc=$(median flyway_migrate.cpums); ksc=$(median keelson_status.cpums); fsc=$(median flyway_info.cpums)
cat <<OUT
keelson db migrate vs Flyway $FLYWAY_VERSION, $COUNT migrations (table + index + inserts), $ROUNDS rounds, fresh PostgreSQL databases
JVM: $(jvm_line)
Flyway run as: a JVM process calling Flyway's API (bench/migrate/flyway/FlywayMain.java); flyway-commandline needs artifacts not on Maven Central
keelson run as: $KEELSON_AS

                     keelson   Flyway   keelson/Flyway   target
migrate, wall ms     $(printf '%7s  %7s   %14s   %s' "$km" "$fm" "$(ratio "$km" "$fm")" "<= 0.35")
status/info, wall ms $(printf '%7s  %7s   %14s   %s' "$ks" "$fs" "$(ratio "$ks" "$fs")" "<= 0.30")
migrate, CPU ms      $(printf '%7s  %7s   %14s' "$kmc" "$fmc" "$(ratio "$kmc" "$fmc")")
status/info, CPU ms  $(printf '%7s  %7s   %14s' "$ksc" "$fsc" "$(ratio "$ksc" "$fsc")")
(medians; CPU = user + system time of the process, which contention on a shared machine disturbs less)

the floor: psql, one session, BEGIN; \\i FILE; COMMIT; per file
                     keelson  psql floor  keelson/psql   target
migrate, wall ms     $(printf '%7s  %10s   %12s   %s' "$km" "$pm" "$(ratio "$km" "$pm")" "<= 1.20")
migrate, CPU ms      $(printf '%7s  %10s' "$kmc" "$pmc")   (the client's CPU; the server's work is the same)

all runs (ms): keelson migrate $(paste -sd' ' "$WORK/keelson_migrate.ms") | Flyway migrate $(paste -sd' ' "$WORK/flyway_migrate.ms")
               keelson status  $(paste -sd' ' "$WORK/keelson_status.ms") | Flyway info    $(paste -sd' ' "$WORK/flyway_info.ms")
               psql floor      $(paste -sd' ' "$WORK/psql_floor.ms")
OUT
if [ ${#B[@]} -gt 0 ]; then
    bm=$(median b_migrate.ms); bs=$(median b_status.ms); bmc=$(median b_migrate.cpums); bsc=$(median b_status.cpums)
    cat <<OUT

B: $B_KEELSON, alternated with keelson in every round
                     keelson        B   keelson/B
migrate, wall ms     $(printf '%7s  %7s   %9s' "$km" "$bm" "$(ratio "$km" "$bm")")
migrate, CPU ms      $(printf '%7s  %7s   %9s' "$kmc" "$bmc" "$(ratio "$kmc" "$bmc")")
status, wall ms      $(printf '%7s  %7s   %9s' "$ks" "$bs" "$(ratio "$ks" "$bs")")
status, CPU ms       $(printf '%7s  %7s   %9s' "$ksc" "$bsc" "$(ratio "$ksc" "$bsc")")
B's ratios: psql floor $(ratio "$bm" "$pm") (migrate wall), Flyway $(ratio "$bm" "$fm") (migrate wall), $(ratio "$bs" "$fs") (status wall)
all runs (ms): keelson migrate CPU $(paste -sd' ' "$WORK/keelson_migrate.cpums") | B migrate $(paste -sd' ' "$WORK/b_migrate.ms"), CPU $(paste -sd' ' "$WORK/b_migrate.cpums")
               keelson status CPU  $(paste -sd' ' "$WORK/keelson_status.cpums") | B status  $(paste -sd' ' "$WORK/b_status.ms"), CPU $(paste -sd' ' "$WORK/b_status.cpums")
OUT
fi
for series in keelson_migrate flyway_migrate keelson_status flyway_info psql_floor ${B[@]+b_migrate b_status}; do
    # shellcheck disable=SC2046
    quiet_outliers "$series wall ms" $(cat "$WORK/$series.ms")
done
quiet_verdict
echo "ratio keelson/psql floor: migrate $(ratio "$km" "$pm") wall (goal <= 1.2: #22)"
echo "ratio keelson/Flyway: migrate $(ratio "$km" "$fm") wall, $(ratio "$kmc" "$fmc") CPU; status $(ratio "$ks" "$fs") wall (goals: migrate <= 0.35, status <= 0.3: #22)"
quiet_exit
