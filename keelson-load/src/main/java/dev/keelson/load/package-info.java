/** The HTTP load engine's public API. */
package dev.keelson.load;
