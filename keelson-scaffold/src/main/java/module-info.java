/**
 * Derives a new project from the reference service, whose files it carries as resources: one facade,
 * {@link dev.keelson.scaffold.Scaffold}; everything else in the package is package-private.
 */
@SuppressWarnings("requires-automatic") // JavaParser has no module name of its own
module dev.keelson.scaffold {
    requires java.xml; // the poms, read with the JDK's DOM parser
    requires org.yaml.snakeyaml; // the YAML keys of removed features
    requires com.github.javaparser.core; // the imports that removed features left unused

    exports dev.keelson.scaffold;
}
