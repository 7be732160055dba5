/** Derives a new service from the reference service. Filled by the {@code keelson new} work. */
package dev.keelson.scaffold;
