package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectSpecTest {
    private static ProjectSpec spec(String name, String pkg, String group, Set<Feature> features) {
        return new ProjectSpec(name, pkg, group, features, Path.of("/tmp/x"), false);
    }

    private static final Set<Feature> WITH_AUTH = Set.of(Feature.AUTH);

    @ParameterizedTest
    @ValueSource(strings = {"My-Api", "my_api", "-api", "api-", "my--api", "1api", ""})
    void aNameThatIsNoArtifactIdIsRefusedWithTheRule(String name) {
        assertThatThrownBy(() -> spec(name, "com.acme", "com.acme", WITH_AUTH))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageStartingWith(
                        "Invalid project name '" + name + "': use lower-case letters, digits and single " + "hyphens")
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.INVALID_NAME);
    }

    @Test
    void aPackageWithAKeywordSaysWhichPart() {
        assertThatThrownBy(() -> spec("api", "com.acme.new", "com.acme", WITH_AUTH))
                .hasMessage("Invalid package 'com.acme.new': 'new' is a Java keyword and cannot be part of a package "
                        + "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Com.Acme", "com..acme", "com.acme.", "com.9acme", "com-acme.x"})
    void aPackageThatIsNoJavaPackageIsRefused(String pkg) {
        assertThatThrownBy(() -> spec("api", pkg, "com.acme", WITH_AUTH))
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.INVALID_PACKAGE);
    }

    @Test
    void aGroupWithSpacesIsRefused() {
        assertThatThrownBy(() -> spec("api", "com.acme", "com acme", WITH_AUTH))
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.INVALID_GROUP);
    }

    @Test
    void graphqlWithoutAuthIsAConflictThatSaysWhy() {
        assertThatThrownBy(() -> spec("api", "com.acme", "com.acme", EnumSet.of(Feature.GRAPHQL)))
                .hasMessageStartingWith("--type graphql needs auth")
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.FEATURE_CONFLICT);
    }

    @Test
    void graphqlWithAuthButNothingElseIsValid() {
        assertThat(spec("api", "com.acme", "com.acme", EnumSet.of(Feature.GRAPHQL, Feature.AUTH))
                        .has(Feature.GRAPHQL))
                .isTrue();
    }

    @Test
    void aProjectWithoutAnyFeatureIsValid() {
        ProjectSpec minimal = spec("simple-api", "com.acme.simple", "com.acme", EnumSet.noneOf(Feature.class));

        assertThat(minimal.features()).isEmpty();
    }

    @Test
    void aNameLongerThanFiftyCharactersIsRefused() {
        assertThatThrownBy(() -> spec("a".repeat(51), "com.acme", "com.acme", WITH_AUTH))
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.INVALID_NAME);
    }

    @Test
    void aValidSpecKeepsItsValues() {
        ProjectSpec spec = spec("order-desk2", "com.acme.shop_v2", "com.acme", EnumSet.of(Feature.AUTH));

        assertThat(spec.has(Feature.AUTH)).isTrue();
        assertThat(spec.has(Feature.REDIS)).isFalse();
        assertThat(spec.directory()).isEqualTo(Path.of("/tmp/x"));
    }
}
