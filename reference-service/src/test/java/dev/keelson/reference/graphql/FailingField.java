package dev.keelson.reference.graphql;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

/**
 * A field that fails the way a bug does ({@code failing}): what does an unexpected failure look like from outside?
 * It and its schema ({@code graphql-test/failing.graphqls}) exist in the test sources only.
 */
@Controller
class FailingField {
    @QueryMapping
    String failing() {
        throw new IllegalStateException("secret internal detail: jdbc:postgresql://db-host/prod");
    }

    /** Adds the field to the schema. */
    @Component
    static class Schema implements GraphQlSourceBuilderCustomizer {
        @Override
        public void customize(GraphQlSource.SchemaResourceBuilder builder) {
            builder.schemaResources(new ClassPathResource("graphql-test/failing.graphqls"));
        }
    }
}
