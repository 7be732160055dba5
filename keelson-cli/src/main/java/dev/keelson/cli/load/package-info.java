/** {@code keelson load}, {@code keelson load compare} and {@code keelson load merge} over the keelson-load library. */
package dev.keelson.cli.load;
