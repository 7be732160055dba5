# Shared by bench/migrate/run.sh and bench/migrate/scale.sh (sourced, not run): the JDK check, the two tools
# (keelson through its launcher, Flyway through FlywayMain.java), the migration generator, timing and medians.
# Expects ROOT and HERE to be set by the caller; sets WORK (removed on exit), KEELSON, KEELSON_AS, FLYWAY,
# FLYWAY_VERSION and JAVA.

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
PGOPTIONS='--client-min-messages=warning'
export PGHOST PGPORT PGUSER PGOPTIONS

"$JAVA" -version 2>&1 | grep -q 'version "2[1-9]' || { echo "JAVA_HOME must be a JDK 21+ (Temurin 25 expected): $JAVA_HOME" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
# shellcheck source=../quiet.sh
. "$ROOT/bench/quiet.sh"
QUIET_OURS="postgres"   # the server both tools talk to
quiet_start
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
"$ROOT/keelson" mvn -B -ntp -q -f "$HERE/flyway/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/flyway-lib" >&2
FLYWAY_VERSION=$(ls "$WORK/flyway-lib" | sed -n 's/^flyway-core-\(.*\)\.jar$/\1/p')
mkdir -p "$WORK/flyway-classes"
"$JAVA_HOME/bin/javac" -nowarn -cp "$WORK/flyway-lib/*" -d "$WORK/flyway-classes" "$HERE/flyway/FlywayMain.java"
FLYWAY=("$JAVA" -cp "$WORK/flyway-classes:$WORK/flyway-lib/*" FlywayMain)

# --- the migrations: tables, indexes, inserts --------------------------------------------------------
# generate_migrations DIR FROM TO: writes V<i>__create_table_<i>.sql for i in FROM..TO (bash builtins only, no
# process per file, so 10,000 files take seconds).
generate_migrations() {
    local dir=$1 i
    mkdir -p "$dir"
    for ((i = $2; i <= $3; i++)); do
        printf '%s\n' \
            "-- migration $i: a table, an index, a few rows" \
            "CREATE TABLE bench_$i (" \
            "    id bigint PRIMARY KEY," \
            "    name text NOT NULL," \
            "    note text DEFAULT 'it''s a note; with a semicolon'," \
            "    created_at timestamptz NOT NULL DEFAULT now()" \
            ");" \
            "CREATE INDEX bench_${i}_name ON bench_$i (name);" \
            "INSERT INTO bench_$i (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');" \
            "INSERT INTO bench_$i (id, name) SELECT g, 'row ' || g FROM generate_series(4, 20) AS g;" \
            >"$dir/V${i}__create_table_${i}.sql"
    done
}

# --- timing ------------------------------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# CPU time (user + system, children included) is steadier than wall time on a shared machine; both are reported
TIME=(/usr/bin/time -f "%U %S")

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

median() { sort -n "$WORK/$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
jvm_line() { "$JAVA" -version 2>&1 | sed -n 2p; }
