package dev.keelson.reference.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OWASP API9:2023, improper inventory management, for GraphQL: started as production ({@code
 * SPRING_PROFILES_ACTIVE=prod}), the schema is not there for the asking (as {@code
 * Api9ImproperInventoryManagementAttackIT} shows for the OpenAPI document).
 */
class GraphQlInProductionIT {
    private static TestPostgres.Database db;
    private static ServiceInstance prod;
    private static Api publicPort;

    @BeforeAll
    static void start() {
        db = TestPostgres.create();
        prod = ServiceInstance.start(db, "--spring.profiles.active=prod", "--management.server.port=0");
        publicPort = prod.api();
    }

    @AfterAll
    static void stop() {
        if (prod != null) {
            prod.close();
        }
        if (db != null) {
            db.drop();
        }
    }

    @Test
    void graphQlIntrospectionIsOffInProduction() {
        Session user = publicPort.newUser();
        Reply reply = publicPort
                .post("/graphql")
                .token(user.accessToken())
                .json(Map.of("query", "{ __schema { types { name } } }"))
                .send();

        assertThat(reply.body()).doesNotContain("\"types\"");
        assertThat(reply.json().has("errors")).isTrue();
    }
}
