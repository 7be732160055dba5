package dev.keelson.reference.platform.http;

/**
 * An endpoint outside {@code /api/**} that browsers may call from the allowed origins, as the API itself: a feature
 * that serves one (GraphQL) declares it as a bean, and {@link SecurityConfiguration} puts it under the same CORS
 * allowlist.
 *
 * @param path the endpoint's path pattern, such as {@code /graphql}
 */
public record CorsEndpoint(String path) {}
