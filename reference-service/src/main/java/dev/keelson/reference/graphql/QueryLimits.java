package dev.keelson.reference.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caps what one request may ask for. Lists are already capped at 100 per page, but aliases can ask for many pages in
 * one request; the complexity of a query counts every field once per item it may be repeated for (a field under
 * {@code orders(first: 50)} counts 50 times), and a query over {@link #MAX_COMPLEXITY} is refused before it runs.
 * Aliases of cheap fields keep complexity low yet each runs on its own: more than {@link #MAX_ALIASES} aliases or
 * {@link #MAX_FIELDS} fields (fragments expanded) are refused too ({@link SelectionLimit}), and so is a query deeper
 * than {@link #MAX_DEPTH} (the schema has no cycles today; a generated project may add some).
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {
    /** Room for one full page of 100 orders with their lines and owners, and then some; not for many of them. */
    static final int MAX_COMPLEXITY = 3_000;

    static final int MAX_ALIASES = 30;
    static final int MAX_FIELDS = 300;
    static final int MAX_DEPTH = 10;
    /** The schema's default page size. */
    private static final int DEFAULT_FIRST = 20;

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        FieldComplexityCalculator perItem =
                (env, childComplexity) -> env.getFieldDefinition().getArgument("first") == null
                        ? 1 + childComplexity
                        : 1 + childComplexity * firstOf(env.getArguments().get("first"));
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, perItem);
    }

    @Bean
    SelectionLimit selectionLimit() {
        return new SelectionLimit(MAX_FIELDS, MAX_ALIASES);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    private static int firstOf(Object first) {
        return first instanceof Integer n ? Math.max(n, 1) : DEFAULT_FIRST;
    }
}
