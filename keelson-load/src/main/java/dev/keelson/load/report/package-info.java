/** Report writers for {@link dev.keelson.load.LoadResult}s: text, JSON (readable back for compare and merge), HTML. */
package dev.keelson.load.report;
