package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineMarkersTest {
    private static final Set<Feature> ALL = EnumSet.allOf(Feature.class);
    private static final Set<Feature> NO_AUTH = EnumSet.complementOf(EnumSet.of(Feature.AUTH));

    @Test
    void aMarkedLineStaysWithoutItsMarkerWhenTheFeatureIsKept() {
        String text = "a();\nb(); // keelson:auth\nc();\n";

        assertThat(LineMarkers.apply(text, "X.java", ALL)).isEqualTo("a();\nb();\nc();\n");
    }

    @Test
    void aMarkedLineGoesWhenTheFeatureIsRemoved() {
        String text = "a();\nb(); // keelson:auth\nc();\n";

        assertThat(LineMarkers.apply(text, "X.java", NO_AUTH)).isEqualTo("a();\nc();\n");
    }

    @Test
    void aJavaListSplitForAMarkedPartIsJoinedAgainWhenThePartGoes() {
        String text = """
                    Order get(
                            Caller caller, // keelson:auth
                            UUID id) {
                        return orders.find(
                                caller.owner(), // keelson:auth
                                id).orElseThrow();
                    }
                """;

        assertThat(LineMarkers.apply(text, "X.java", NO_AUTH)).isEqualTo("""
                    Order get(UUID id) {
                        return orders.find(id).orElseThrow();
                    }
                """);
        assertThat(LineMarkers.apply(text, "X.java", ALL)).isEqualTo(text.replace(" // keelson:auth", ""));
    }

    @Test
    void onlyJavaListsAreJoinedAndOnlyWhenTheLineFits() {
        String sql = "SELECT f(\n  a, -- keelson:auth\n  b)";
        String longLine = "call(\n    a, // keelson:auth\n    " + "b".repeat(120) + ");";

        assertThat(LineMarkers.apply(sql, "V1__x.sql", NO_AUTH)).isEqualTo("SELECT f(\n  b)");
        assertThat(LineMarkers.apply(longLine, "X.java", NO_AUTH)).isEqualTo("call(\n    " + "b".repeat(120) + ");");
        assertThat(LineMarkers.apply("call(\n    a,\n    b);", "X.java", NO_AUTH))
                .isEqualTo("call(\n    a,\n    b);");
    }

    @Test
    void everyCommentSyntaxIsAMarker() {
        String text = "keep\nsql, -- keelson:auth\nkey: v # keelson:auth\n<x/> <!-- keelson:auth -->\nend";

        assertThat(LineMarkers.apply(text, "f", NO_AUTH)).isEqualTo("keep\nend");
        assertThat(LineMarkers.apply(text, "f", ALL)).isEqualTo("keep\nsql,\nkey: v\n<x/>\nend");
    }

    @Test
    void aBlockGoesWithItsMarkersAndNestedBlocksNeedEveryFeature() {
        String text = """
                a
                // keelson:begin auth
                b
                  # keelson:begin redis
                c
                  # keelson:end redis
                // keelson:end auth
                d
                """;
        Set<Feature> noRedis = EnumSet.complementOf(EnumSet.of(Feature.REDIS));

        assertThat(LineMarkers.apply(text, "f", ALL)).isEqualTo("a\nb\nc\nd\n");
        assertThat(LineMarkers.apply(text, "f", noRedis)).isEqualTo("a\nb\nd\n");
        assertThat(LineMarkers.apply(text, "f", NO_AUTH)).isEqualTo("a\nd\n");
    }

    @Test
    void aNegatedBlockIsOnlyForProjectsWithoutTheFeature() {
        String text = "<!-- keelson:begin !auth -->\nopen\n<!-- keelson:end !auth -->\nend\n";

        assertThat(LineMarkers.apply(text, "README.md", NO_AUTH)).isEqualTo("open\nend\n");
        assertThat(LineMarkers.apply(text, "README.md", ALL)).isEqualTo("end\n");
    }

    @Test
    void keelsonCommentsOfOtherToolsAreLeftAlone() {
        String text = "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c); -- keelson:lint-ignore x why\n";

        assertThat(LineMarkers.apply(text, "V1__x.sql", NO_AUTH)).isEqualTo(text);
    }

    @Test
    void aBlockNamingNoFeatureIsABrokenTemplateWithFileAndLine() {
        assertThatThrownBy(() -> LineMarkers.apply("a\n// keelson:begin atuh\nb\n// keelson:end atuh\n", "X.java", ALL))
                .isInstanceOf(ScaffoldException.class)
                .hasMessage("X.java:2: keelson:begin names no feature: 'atuh'")
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.TEMPLATE_BROKEN);
    }

    @Test
    void anUnclosedOrMismatchedBlockIsABrokenTemplate() {
        assertThatThrownBy(() -> LineMarkers.apply("// keelson:begin auth\nb\n", "X.java", ALL))
                .hasMessage("X.java:1: keelson:begin auth is never closed");
        assertThatThrownBy(() -> LineMarkers.apply("// keelson:begin auth\nb\n// keelson:end redis\n", "X.java", ALL))
                .hasMessage("X.java:3: keelson:end redis closes no keelson:begin redis");
    }
}
