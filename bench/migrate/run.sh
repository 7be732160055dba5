#!/usr/bin/env bash
# Whole-process benchmark: `keelson db migrate` / `keelson db status` against Flyway migrate / info,
# on the same generated migrations, on fresh PostgreSQL databases, with the same JDK.
#
#   bench/migrate/run.sh [ROUNDS] [MIGRATIONS]        (defaults: 5 rounds, 500 migrations)
#
# The 10,000-migration case (migrate of the last one, status, validate at two sizes) is bench/migrate/scale.sh.
#
# Environment: JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (postgres; trust auth), KEELSON_BENCH_NO_BUILD=1 (time keelson-cli/target/keelson.jar as it is). Needs mvn, psql, and network access to Maven Central on the first run.
# Prints the median wall time of each command over the rounds and the ratios keelson/Flyway
# (goals of #22: migrate <= 0.35, status <= 0.3; exit 4 when the machine was not quiet: bench/README.md).
set -euo pipefail

ROUNDS=${1:-5}
COUNT=${2:-500}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/migrate"
# shellcheck source=bench/migrate/common.sh
. "$HERE/common.sh"

MIGRATIONS="$WORK/migrations"
generate_migrations "$MIGRATIONS" 1 "$COUNT"

# migrate and status both need a database in which the other tool's history is absent: each tool has its own
keelson_migrate() { time_run keelson_migrate "${KEELSON[@]}" db migrate --url "$(url "$1")" --user "$PGUSER" --dir "$MIGRATIONS"; }
keelson_status() { time_run keelson_status "${KEELSON[@]}" db status --url "$(url "$1")" --user "$PGUSER" --dir "$MIGRATIONS"; }
flyway_migrate() { time_run flyway_migrate "${FLYWAY[@]}" migrate "$(url "$1")" "$PGUSER" "filesystem:$MIGRATIONS"; }
flyway_info() { time_run flyway_info "${FLYWAY[@]}" info "$(url "$1")" "$PGUSER" "filesystem:$MIGRATIONS"; }

log "warming up the page cache (one unmeasured run each)..."
fresh_db kb_warm; "${KEELSON[@]}" db migrate --url "$(url kb_warm)" --user "$PGUSER" --dir "$MIGRATIONS" >/dev/null 2>&1; drop_db kb_warm
fresh_db kb_warm; "${FLYWAY[@]}" migrate "$(url kb_warm)" "$PGUSER" "filesystem:$MIGRATIONS" >/dev/null 2>&1; drop_db kb_warm

for r in $(seq 1 "$ROUNDS"); do
    log "round $r/$ROUNDS"
    fresh_db kb_keelson; fresh_db kb_flyway
    quiet_round_begin
    if (( r % 2 )); then   # alternate who goes first
        keelson_migrate kb_keelson; flyway_migrate kb_flyway; keelson_status kb_keelson; flyway_info kb_flyway
    else
        flyway_migrate kb_flyway; keelson_migrate kb_keelson; flyway_info kb_flyway; keelson_status kb_keelson
    fi
    quiet_round_end "$r"
    applied_k=$(psql -tA -d kb_keelson -c "SELECT count(*) FROM keelson_schema_history WHERE success")
    applied_f=$(psql -tA -d kb_flyway -c "SELECT count(*) FROM flyway_schema_history WHERE success")
    [ "$applied_k" = "$COUNT" ] && [ "$applied_f" = "$COUNT" ] || { log "expected $COUNT applied, got keelson=$applied_k flyway=$applied_f"; exit 1; }
done
drop_db kb_keelson; drop_db kb_flyway

km=$(median keelson_migrate.ms); fm=$(median flyway_migrate.ms); ks=$(median keelson_status.ms); fs=$(median flyway_info.ms)
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

all runs (ms): keelson migrate $(paste -sd' ' "$WORK/keelson_migrate.ms") | Flyway migrate $(paste -sd' ' "$WORK/flyway_migrate.ms")
               keelson status  $(paste -sd' ' "$WORK/keelson_status.ms") | Flyway info    $(paste -sd' ' "$WORK/flyway_info.ms")
OUT
for series in keelson_migrate flyway_migrate keelson_status flyway_info; do
    # shellcheck disable=SC2046
    quiet_outliers "$series wall ms" $(cat "$WORK/$series.ms")
done
quiet_verdict
echo "ratio keelson/Flyway: migrate $(ratio "$km" "$fm") wall, $(ratio "$kmc" "$fmc") CPU; status $(ratio "$ks" "$fs") wall (goals: migrate <= 0.35, status <= 0.3: #22)"
quiet_exit
