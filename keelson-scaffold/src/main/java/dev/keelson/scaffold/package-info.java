/**
 * Derives a new service from Keelson's reference service: {@link dev.keelson.scaffold.Scaffold} is the one entry
 * point. Everything else here is package-private: the bundle of packed files, the feature manifest and line markers,
 * the renaming, the standalone pom, the atomic write and the first git commit.
 */
package dev.keelson.scaffold;
