package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceNameTest {
    @Test
    void everySpellingComesFromTheSingular() {
        ResourceName name = ResourceName.parse("line-item");
        assertThat(name.className()).isEqualTo("LineItem");
        assertThat(name.pluralClassName()).isEqualTo("LineItems");
        assertThat(name.variable()).isEqualTo("lineItem");
        assertThat(name.packageSegment()).isEqualTo("lineitem");
        assertThat(name.table()).isEqualTo("line_items");
        assertThat(name.idColumn()).isEqualTo("line_item_id");
        assertThat(name.path()).isEqualTo("/api/v1/line-items");
    }

    @Test
    void camelAndSnakeCaseAreReadAsHyphenatedWords() {
        assertThat(ResourceName.parse("LineItem").singular()).isEqualTo("line-item");
        assertThat(ResourceName.parse("line_item").singular()).isEqualTo("line-item");
    }

    @Test
    void englishPluralsAndAnExplicitOne() {
        assertThat(ResourceName.parse("category").plural()).isEqualTo("categories");
        assertThat(ResourceName.parse("box").plural()).isEqualTo("boxes");
        assertThat(ResourceName.parse("day").plural()).isEqualTo("days");
        assertThat(ResourceName.parse("person", "people").table()).isEqualTo("people");
    }

    @Test
    void anInvalidNameIsRefused() {
        assertThatThrownBy(() -> ResourceName.parse("9lives"))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageStartingWith("Invalid resource name '9lives': use a singular noun");
        assertThatThrownBy(() -> ResourceName.parse("sheep", "sheep")).hasMessageContaining("Invalid plural");
    }
}
