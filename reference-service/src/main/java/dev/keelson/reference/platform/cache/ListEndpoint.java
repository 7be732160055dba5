package dev.keelson.reference.platform.cache;

/**
 * The path of a list endpoint ({@code /api/v1/orders}), declared as a bean by its resource: {@link ListEtags} gives
 * its pages hash ETags.
 */
public record ListEndpoint(String path) {}
