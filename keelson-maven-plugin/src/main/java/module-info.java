/**
 * The {@code keelson db} commands as Maven goals. Maven loads a plugin from the class path, where this descriptor is
 * ignored, and finds the goals in {@code META-INF/maven/plugin.xml}; javac still holds the plugin to it: it reads only
 * the Maven plugin API and keelson-migrate's exported API, and exports nothing (its API is the goals, not types).
 */
@SuppressWarnings("requires-automatic") // the Maven plugin API jars name no module: their names come from the files
module dev.keelson.maven {
    requires dev.keelson.migrate;
    requires maven.plugin.api;
    requires static maven.plugin.annotations; // read by maven-plugin-plugin from the class files, not at run time

    // Maven makes the mojos and sets their parameters reflectively
    opens dev.keelson.maven;
}
