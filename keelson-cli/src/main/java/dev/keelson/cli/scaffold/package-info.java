/** {@code keelson new}: a new service derived from the reference service, over keelson-scaffold. */
package dev.keelson.cli.scaffold;
