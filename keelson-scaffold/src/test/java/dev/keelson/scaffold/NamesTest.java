package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
    private final Names names = new Names("order-desk", "com.acme.shop", "com.acme");

    @Test
    void packagesClassesAndFoldersAreRenamed() {
        assertThat(names.path("src/main/java/dev/keelson/reference/ReferenceApplication.java"))
                .isEqualTo("src/main/java/com/acme/shop/OrderDeskApplication.java");
        assertThat(names.text("package dev.keelson.reference.order;\nimport dev.keelson.reference.platform.Cursor;\n"
                        + "SpringApplication.run(ReferenceApplication.class, args);"))
                .isEqualTo("package com.acme.shop.order;\nimport com.acme.shop.platform.Cursor;\n"
                        + "SpringApplication.run(OrderDeskApplication.class, args);");
    }

    @Test
    void configurationKeysAndVariablesBecomeApp() {
        assertThat(names.text("reference:\n  database:\n@Value(\"${reference.http.max-body-size:64KB}\")\n"
                        + "REFERENCE_AUTH_JWKS: ${REFERENCE_AUTH_JWKS:-}\nstart(db, \"--reference.jobs.max-attempts=3\")\n"
                        + "my-reference.x"))
                .isEqualTo("app:\n  database:\n@Value(\"${app.http.max-body-size:64KB}\")\n"
                        + "APP_AUTH_JWKS: ${APP_AUTH_JWKS:-}\nstart(db, \"--app.jobs.max-attempts=3\")\n"
                        + "my-reference.x");
    }

    @Test
    void theArtifactProblemTypesAndProseAreRenamed() {
        assertThat(names.text("name: reference-service\n\"https://keelson.dev/problems/\"\nthe reference service."))
                .isEqualTo("name: order-desk\n\"https://acme.com/problems/\"\nthis service.");
    }

    @Test
    void theClassNameJoinsTheNamesParts() {
        assertThat(new Names("api2-v3", "x.y", "x").className()).isEqualTo("Api2V3");
    }
}
