/**
 * Keyset pagination: the signed {@link dev.keelson.reference.platform.paging.Cursor} of a list position, the
 * {@link dev.keelson.reference.platform.paging.Sorts} a list allows ({@code ?sort=price}, {@code ?sort=-price}), the
 * {@link dev.keelson.reference.platform.paging.Page} a list answers with, and
 * {@link dev.keelson.reference.platform.paging.KeysetQuery}, the SQL of one page.
 */
package dev.keelson.reference.platform.paging;
