/**
 * The caller of a request and what they own: {@link dev.keelson.reference.platform.caller.Caller} (a controller
 * parameter), where it comes from ({@link dev.keelson.reference.platform.caller.Callers}) and how owned tables store
 * it ({@link dev.keelson.reference.platform.caller.Ownership}). Without sign-in every caller is {@code ANYONE} and rows
 * have no owner; sign-in ({@code auth}) replaces both beans, so no line of a resource changes with it.
 */
package dev.keelson.reference.platform.caller;
