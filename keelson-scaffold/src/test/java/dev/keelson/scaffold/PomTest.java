package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PomTest {
    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <properties>
                <a.version>1.2</a.version>   <!-- pinned: 1.3 fails -->
                <b.version>2.0</b.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <!-- above it, kept -->
                  <dependency>
                    <groupId>g</groupId>
                    <artifactId>a</artifactId>
                    <version>${a.version}</version>
                  </dependency>

                  <!-- a blank line away: not its comment -->

                  <dependency>
                    <!-- inside -->
                    <groupId>g</groupId>
                    <artifactId>b</artifactId>
                    <version>${b.version}</version>
                    <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>maven-jar-plugin</artifactId>
                    <configuration><skipIfEmpty/></configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @Test
    void aBlockIsWrittenAsItStandsWithTheCommentRightAboveIt() {
        Pom pom = Pom.parse(POM, "pom.xml");

        assertThat(pom.managedDependencies()).extracting(Pom.Block::text).containsExactly(indented("""
                      <!-- above it, kept -->
                      <dependency>
                        <groupId>g</groupId>
                        <artifactId>a</artifactId>
                        <version>${a.version}</version>
                      </dependency>"""), indented("""
                      <dependency>
                        <!-- inside -->
                        <groupId>g</groupId>
                        <artifactId>b</artifactId>
                        <version>${b.version}</version>
                        <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions>
                      </dependency>"""));
        assertThat(pom.managedDependencies()).extracting(Pom.Block::coordinates).containsExactly("g:a", "g:b");
        assertThat(pom.plugins())
                .isEqualTo("\n"
                        + "      <plugin>\n"
                        + "        <artifactId>maven-jar-plugin</artifactId>\n"
                        + "        <configuration><skipIfEmpty/></configuration>\n"
                        + "      </plugin>\n"
                        + "    ");
    }

    @Test
    void aChildIsSetInTheTextWithItsCommentAndTheParsedPomStaysAsItWas() {
        Pom pom = Pom.parse(POM, "pom.xml");
        Pom.Block a = pom.managedDependencies().getFirst();

        assertThat(a.textWith("version", "1.2", " pinned ")).isEqualTo(indented("""
                      <!-- above it, kept -->
                      <dependency>
                        <groupId>g</groupId>
                        <artifactId>a</artifactId>
                        <version>1.2</version>  <!-- pinned -->
                      </dependency>"""));
        assertThat(pom.managedDependencies().getFirst().text()).contains("<version>${a.version}</version>\n");
        assertThat(a.properties()).containsExactly("a.version");
    }

    @Test
    void propertiesCarryTheCommentOnTheirLine() {
        assertThat(Pom.parse(POM, "pom.xml").properties())
                .containsExactly(
                        new Pom.Property("a.version", "1.2", " pinned: 1.3 fails "),
                        new Pom.Property("b.version", "2.0", null));
    }

    @Test
    void aPomThatIsNoXmlIsNamed() {
        assertThatThrownBy(() -> Pom.parse("<project>", "the root pom.xml"))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("the root pom.xml is no well-formed XML");
    }

    /** The block's lines at the depth they have in the pom (three levels in). */
    private static String indented(String block) {
        return block.indent(6).stripTrailing();
    }
}
