#!/bin/sh
# Installs this unpacked Keelson release for the current user:
#   - the keelson command: a symlink to bin/keelson in ~/.local/bin (KEELSON_BIN_DIR to choose another folder);
#   - the libraries other projects use, until they are on Maven Central: keelson-migrate, its Spring Boot starter
#     and keelson-maven-plugin with their poms (maven/), copied into the local Maven repository, ~/.m2/repository
#     (KEELSON_MAVEN_REPOSITORY to choose another one);
#   - the man pages (symlinks in ~/.local/share/man/man1, which man searches beside ~/.local/bin) and the bash
#     completion (~/.local/share/bash-completion/completions/keelson, which bash-completion loads by itself); zsh and
#     fish: see share/completion/ and docs/cli.md.
# Run it again after unpacking a newer release; it replaces the symlink and adds that version's libraries.
set -eu

folder() {
    case $1 in
        */*) printf '%s\n' "${1%/*}" ;;
        *) printf '.\n' ;;
    esac
}

APP=$(cd -P -- "$(folder "$0")" && pwd -P)
BIN=${KEELSON_BIN_DIR:-$HOME/.local/bin}
REPOSITORY=${KEELSON_MAVEN_REPOSITORY:-$HOME/.m2/repository}

mkdir -p "$BIN" "$REPOSITORY"
ln -sf "$APP/bin/keelson" "$BIN/keelson"
echo "keelson: $BIN/keelson -> $APP/bin/keelson"
cp -R "$APP/maven/." "$REPOSITORY/"
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$DATA/man/man1" "$DATA/bash-completion/completions"
for page in "$APP"/share/man/man1/*.1; do
    ln -sf "$page" "$DATA/man/man1/"
done
ln -sf "$APP/share/completion/keelson.bash" "$DATA/bash-completion/completions/keelson"
echo "man:     $DATA/man/man1/keelson*.1 (man keelson-db-migrate); completion: $DATA/bash-completion/completions/keelson"
for pom in "$APP"/maven/dev/keelson/*/*/*.pom; do
    echo "maven:   ${pom#"$APP/maven/"} (and its jar) in $REPOSITORY"
done
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "note: $BIN is not on your PATH; add it (e.g. in ~/.profile: export PATH=\"$BIN:\$PATH\")" ;;
esac
