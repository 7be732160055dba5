#!/usr/bin/env bash
# Whole-process benchmark: `keelson db migrate` / `keelson db status` against Flyway migrate / info,
# on the same generated migrations, on fresh PostgreSQL databases, with the same JDK.
#
#   bench/migrate/run.sh [ROUNDS] [MIGRATIONS]        (defaults: 5 rounds, 500 migrations)
#
# Environment: JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (postgres; trust auth), KEELSON_BENCH_NO_BUILD=1 (time keelson-cli/target/keelson.jar as it is). Needs mvn, psql, and network access to Maven Central on the first run.
# Prints the median wall time of each command over the rounds and the ratios keelson/Flyway
# (targets: migrate <= 0.8, status <= 0.5).
set -euo pipefail

ROUNDS=${1:-5}
COUNT=${2:-500}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/migrate"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
PGOPTIONS='--client-min-messages=warning'
export PGHOST PGPORT PGUSER PGOPTIONS

"$JAVA" -version 2>&1 | grep -q 'version "2[1-9]' || { echo "JAVA_HOME must be a JDK 21+ (Temurin 25 expected): $JAVA_HOME" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/keelson-bench-migrate.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

log() { echo "$*" >&2; }

# --- the two tools -------------------------------------------------------------------------------
if [ -n "${KEELSON_BENCH_NO_BUILD:-}" ] && [ -f "$ROOT/keelson-cli/target/keelson.jar" ]; then
    log "using the keelson jar as built (KEELSON_BENCH_NO_BUILD is set)"
    # shellcheck disable=SC2206
    KEELSON=("$JAVA" ${KEELSON_JAVA_OPTS:-} -jar "$ROOT/keelson-cli/target/keelson.jar")   # what ./keelson execs
    KEELSON_AS="$JAVA ${KEELSON_JAVA_OPTS:-} -jar keelson-cli/target/keelson.jar (what ./keelson execs)"
else
    log "building keelson (./keelson --version)..."
    "$ROOT/keelson" --version >/dev/null
    KEELSON=("$ROOT/keelson")
    KEELSON_AS="./keelson (the launcher), KEELSON_JAVA_OPTS='${KEELSON_JAVA_OPTS:-}'"
fi

log "fetching Flyway from Maven Central..."
mvn -B -ntp -q -f "$HERE/flyway/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/flyway-lib" >&2
FLYWAY_VERSION=$(ls "$WORK/flyway-lib" | sed -n 's/^flyway-core-\(.*\)\.jar$/\1/p')
mkdir -p "$WORK/flyway-classes"
"$JAVA_HOME/bin/javac" -nowarn -cp "$WORK/flyway-lib/*" -d "$WORK/flyway-classes" "$HERE/flyway/FlywayMain.java"
FLYWAY=("$JAVA" -cp "$WORK/flyway-classes:$WORK/flyway-lib/*" FlywayMain)

# --- the migrations: tables, indexes, inserts --------------------------------------------------------
MIGRATIONS="$WORK/migrations"
mkdir -p "$MIGRATIONS"
for i in $(seq 1 "$COUNT"); do
    cat >"$MIGRATIONS/V${i}__create_table_${i}.sql" <<SQL
-- migration $i: a table, an index, a few rows
CREATE TABLE bench_$i (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    note text DEFAULT 'it''s a note; with a semicolon',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bench_${i}_name ON bench_$i (name);
INSERT INTO bench_$i (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO bench_$i (id, name) SELECT g, 'row ' || g FROM generate_series(4, 20) AS g;
SQL
done

# --- timing ------------------------------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# CPU time (user + system, children included) is steadier than wall time on a shared machine; both are reported
TIME=(/usr/bin/time -f "%U %S")
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# time_run NAME CMD... : runs CMD, appends its wall time in ms to $WORK/NAME.ms, fails loudly on a non-zero exit.
# A run in which ./keelson rebuilt itself (someone edited the sources meanwhile) is not counted.
time_run() {
    local name=$1; shift
    local start end
    start=$(now_ms)
    if ! "${TIME[@]}" -o "$WORK/$name.cpu1" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; then
        log "$name failed:"; cat "$WORK/$name.err" >&2; exit 1
    fi
    end=$(now_ms)
    if grep -q "keelson: building the CLI" "$WORK/$name.err"; then
        log "$name: ./keelson rebuilt itself during this run; not counted"
        return 0
    fi
    echo $((end - start)) >>"$WORK/$name.ms"
    tail -n1 "$WORK/$name.cpu1" | awk '{printf "%d\n", ($1 + $2) * 1000}' >>"$WORK/$name.cpums"
}

fresh_db() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null; }
drop_db() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null; }
url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }

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
    if (( r % 2 )); then   # alternate who goes first
        keelson_migrate kb_keelson; flyway_migrate kb_flyway; keelson_status kb_keelson; flyway_info kb_flyway
    else
        flyway_migrate kb_flyway; keelson_migrate kb_keelson; flyway_info kb_flyway; keelson_status kb_keelson
    fi
    applied_k=$(psql -tA -d kb_keelson -c "SELECT count(*) FROM keelson_schema_history WHERE success")
    applied_f=$(psql -tA -d kb_flyway -c "SELECT count(*) FROM flyway_schema_history WHERE success")
    [ "$applied_k" = "$COUNT" ] && [ "$applied_f" = "$COUNT" ] || { log "expected $COUNT applied, got keelson=$applied_k flyway=$applied_f"; exit 1; }
done
drop_db kb_keelson; drop_db kb_flyway

median() { sort -n "$WORK/$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

km=$(median keelson_migrate.ms); fm=$(median flyway_migrate.ms); ks=$(median keelson_status.ms); fs=$(median flyway_info.ms)
kmc=$(median keelson_migrate.cpums); fmc=$(median flyway_migrate.cpums); ksc=$(median keelson_status.cpums); fsc=$(median flyway_info.cpums)
cat <<OUT
keelson db migrate vs Flyway $FLYWAY_VERSION, $COUNT migrations (table + index + inserts), $ROUNDS rounds, fresh PostgreSQL databases
JVM: $("$JAVA" -version 2>&1 | sed -n 2p)
Flyway run as: a JVM process calling Flyway's API (bench/migrate/flyway/FlywayMain.java); flyway-commandline needs artifacts not on Maven Central
keelson run as: $KEELSON_AS

                     keelson   Flyway   keelson/Flyway   target
migrate, wall ms     $(printf '%7s  %7s   %14s   %s' "$km" "$fm" "$(ratio "$km" "$fm")" "<= 0.80")
status/info, wall ms $(printf '%7s  %7s   %14s   %s' "$ks" "$fs" "$(ratio "$ks" "$fs")" "<= 0.50")
migrate, CPU ms      $(printf '%7s  %7s   %14s' "$kmc" "$fmc" "$(ratio "$kmc" "$fmc")")
status/info, CPU ms  $(printf '%7s  %7s   %14s' "$ksc" "$fsc" "$(ratio "$ksc" "$fsc")")
(medians; CPU = user + system time of the process, which contention on a shared machine disturbs less)

all runs (ms): keelson migrate $(paste -sd' ' "$WORK/keelson_migrate.ms") | Flyway migrate $(paste -sd' ' "$WORK/flyway_migrate.ms")
               keelson status  $(paste -sd' ' "$WORK/keelson_status.ms") | Flyway info    $(paste -sd' ' "$WORK/flyway_info.ms")
OUT
