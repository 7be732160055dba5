package dev.keelson.cli;

/** The shells {@code keelson completion} writes a script for. */
enum Shell {
    BASH,
    ZSH,
    FISH
}
