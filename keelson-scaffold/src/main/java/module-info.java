/**
 * Derives a new project from the reference service, whose files it carries as resources: one facade,
 * {@link dev.keelson.scaffold.Scaffold}; everything else in the package is package-private.
 */
module dev.keelson.scaffold {
    exports dev.keelson.scaffold;
}
