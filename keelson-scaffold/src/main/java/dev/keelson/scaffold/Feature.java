package dev.keelson.scaffold;

import java.util.Arrays;
import java.util.Optional;

/**
 * A part of the reference service a generated project can go without. Every feature is on in the reference service;
 * {@code keelson new} removes the ones not chosen, with their files, dependencies, configuration and tests. What
 * belongs to which feature is written in keelson-scaffold's manifest ({@code features.txt}) and in
 * {@code keelson:<feature>} markers in the reference service's files (see docs/scaffold.md).
 */
public enum Feature {
    /** Sign-up and sign-in with JWTs, users, emails, and orders owned by their user. */
    AUTH("auth"),
    /** Rate limits, idempotency records and cache shared by every instance through Redis. */
    REDIS("redis"),
    /** Background jobs on PostgreSQL (db-scheduler). */
    JOBS("jobs"),
    /** Dockerfile, .dockerignore and compose.yaml. */
    DOCKER("docker"),
    /** The GitHub Actions workflow of the service's own repository. */
    CI("ci"),
    /** A GraphQL endpoint over the same services ({@code --type graphql}); needs {@link #AUTH}. */
    GRAPHQL("graphql");

    private final String id;

    Feature(String id) {
        this.id = id;
    }

    /** The name used in markers, the manifest and command-line options ({@code auth}, {@code redis}, ...). */
    public String id() {
        return id;
    }

    /** The feature named {@code id} in markers and the manifest, if there is one. */
    public static Optional<Feature> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
