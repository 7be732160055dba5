#!/usr/bin/env bash
# Benchmarks for `keelson db diff` and `keelson db lint` (issue 7 targets: diff of two 500-table databases under 2 s,
# lint of 500 files under 1 s after JVM start). Needs the local PostgreSQL (127.0.0.1:5432, user postgres, trust).
# Usage: bench/db-lint-diff/run.sh [TABLES]   (default 500). Prints one line per measurement.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${1:-500}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="$ROOT/keelson-cli/target/keelson.jar"
PSQL=(psql -h 127.0.0.1 -U postgres -qAt)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; "${PSQL[@]}" -d test -c "DROP DATABASE IF EXISTS kb_diff_a WITH (FORCE)" -c "DROP DATABASE IF EXISTS kb_diff_b WITH (FORCE)"' EXIT

ms() { date +%s%3N; }
timed() { local t0; t0=$(ms); "$@" >/dev/null || true; echo $(( $(ms) - t0 )); }

# a schema of N tables, each with a primary key, a unique column, an index and a foreign key to the previous table
schema() {
    for i in $(seq 1 "$N"); do
        prev=$(( i > 1 ? i - 1 : 1 ))
        echo "CREATE TABLE t$i (id bigint PRIMARY KEY, code text NOT NULL UNIQUE, parent bigint, created_at timestamptz DEFAULT now());"
        echo "CREATE INDEX t${i}_created ON t$i (created_at) WHERE parent IS NOT NULL;"
        [ "$i" -gt 1 ] && echo "ALTER TABLE t$i ADD CONSTRAINT t${i}_parent_fk FOREIGN KEY (parent) REFERENCES t$prev (id) ON DELETE CASCADE;"
    done
}
"${PSQL[@]}" -d test -c "DROP DATABASE IF EXISTS kb_diff_a WITH (FORCE)" -c "CREATE DATABASE kb_diff_a" \
    -c "DROP DATABASE IF EXISTS kb_diff_b WITH (FORCE)" -c "CREATE DATABASE kb_diff_b"
schema > "$WORK/schema.sql"
"${PSQL[@]}" -d kb_diff_a -f "$WORK/schema.sql"
"${PSQL[@]}" -d kb_diff_b -f "$WORK/schema.sql"
"${PSQL[@]}" -d kb_diff_b -c "ALTER TABLE t250 ADD COLUMN note text" -c "DROP INDEX t400_created"

# 500 migration files, each a mix of statements the rules look at
mkdir -p "$WORK/db/migration"
for i in $(seq 1 "$N"); do
    cat > "$WORK/db/migration/V${i}__step_$i.sql" <<SQL
CREATE TABLE s$i (id bigint PRIMARY KEY, email text, name varchar(50));
CREATE INDEX s${i}_email ON s$i (email);
ALTER TABLE s$i ADD COLUMN status text NOT NULL DEFAULT 'new';
UPDATE s$i SET name = 'x' WHERE id = 1;
SQL
    echo "DROP TABLE s$i;" > "$WORK/db/migration/U${i}__step_$i.sql"
done

start=$(timed "$JAVA" -jar "$JAR" --version)
t0=$(ms)
"$JAVA" -jar "$JAR" db diff --from jdbc:postgresql://127.0.0.1:5432/kb_diff_a \
    --to jdbc:postgresql://127.0.0.1:5432/kb_diff_b --user postgres > "$WORK/diff.txt" || true
diff=$(( $(ms) - t0 ))
head -1 "$WORK/diff.txt"
lint=$(cd "$WORK" && timed "$JAVA" -jar "$JAR" db lint --dir db/migration)
echo "jvm start (keelson --version):              ${start} ms"
echo "db diff, two databases of $N tables:        ${diff} ms wall (${N} tables, $(( N * 2 - 1 )) constraints and $N indexes each)"
echo "db lint, $(( N * 2 )) files ($N V + $N U):              ${lint} ms wall"
echo "after JVM start: diff $(( diff - start )) ms, lint $(( lint - start )) ms"
"$JAVA" -cp "$JAR" "$ROOT/bench/db-lint-diff/LintTiming.java" "$WORK/db/migration"
# the ratios, last: each command's time after the JVM start against its target (under 1 meets it)
echo "ratio to target (after JVM start): diff $(awk -v t=$(( diff - start )) 'BEGIN {printf "%.2f", t / 2000}') of 2 s," \
    "lint $(awk -v t=$(( lint - start )) 'BEGIN {printf "%.2f", t / 1000}') of 1 s"
