/**
 * The GraphQL endpoint ({@code POST /graphql}, schema in {@code src/main/resources/graphql/}): accounts and orders over
 * the same services, rules and access tokens as the REST API. An order's owner and lines are loaded in one statement
 * per page of orders ({@link dev.keelson.reference.graphql.Relations}), never one per order. Failures are the REST
 * problem documents carried in each GraphQL error's {@code extensions}.
 *
 * <p>Everything GraphQL-only lives here; a REST-only service is this package, its schema folder and the
 * {@code spring-boot-starter-graphql} dependency removed.
 */
package dev.keelson.reference.graphql;
