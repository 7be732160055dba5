/**
 * Errors as RFC 9457 problem documents: {@link dev.keelson.reference.platform.errors.ApiException} with its
 * {@link dev.keelson.reference.platform.errors.ErrorCode}, the handler that writes every failure (ours, Spring's,
 * the container's) as one, and the bodiless answers for HEAD and 304.
 */
package dev.keelson.reference.platform.errors;
