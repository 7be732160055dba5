package dev.keelson.reference.graphql;

import dev.keelson.reference.testing.TestFeature;
import java.util.List;

/** GraphQL under test: its endpoint is not in the OpenAPI document, so the attack tests are told of it. */
public final class GraphQlTestFeature implements TestFeature {
    @Override
    public List<String> endpointsBesideTheApiDocument() {
        return List.of("POST /graphql");
    }
}
