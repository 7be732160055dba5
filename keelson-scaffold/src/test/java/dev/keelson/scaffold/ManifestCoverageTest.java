package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard between reference-service and keelson-scaffold: the manifest names nothing that is not there, the root
 * pom manages nothing the manifest does not classify, and every feature set derives a project without a leftover
 * of a removed feature. When reference-service gains code its markers do not cover, a test here fails and names it.
 */
class ManifestCoverageTest {
    private static final Bundle BUNDLE = Bundle.load();

    @Test
    void everyFilesEntryMatchesAFileOfTheReferenceService() {
        List<String> stale = new ArrayList<>();
        for (Manifest.Files entry : BUNDLE.manifest().all(Manifest.Files.class)) {
            if (BUNDLE.template().keySet().stream().noneMatch(entry::matches)) {
                stale.add("features.txt:" + entry.line() + " " + entry.glob());
            }
        }
        assertThat(stale)
                .as("files entries that match nothing in reference-service")
                .isEmpty();
    }

    @Test
    void everyDependencyEntryIsADependencyOfTheReferencePom() {
        Set<String> declared = referencePom().dependencies().stream()
                .map(Pom.Block::coordinates)
                .collect(Collectors.toSet());

        assertThat(BUNDLE.manifest().all(Manifest.Dependency.class))
                .allSatisfy(
                        d -> assertThat(declared).as("features.txt:" + d.line()).contains(d.coordinates()));
    }

    @Test
    void everyYamlEntryNamesAKeyThatExists() {
        for (Manifest.YamlKey key : BUNDLE.manifest().all(Manifest.YamlKey.class)) {
            String text = new String(BUNDLE.template().get(key.file()), StandardCharsets.UTF_8);
            YamlKeys.remove(LineMarkers.apply(text, key.file(), EnumSet.allOf(Feature.class)), key.file(), key.key());
        }
    }

    @Test
    void everyEntryOfTheRootDependencyManagementIsUsedOrClassified() {
        Set<String> declared = referencePom().dependencies().stream()
                .map(Pom.Block::coordinates)
                .collect(Collectors.toSet());
        Set<String> classified = BUNDLE.manifest().all(Manifest.Managed.class).stream()
                .map(Manifest.Managed::coordinates)
                .collect(Collectors.toSet());
        List<String> managed = Pom.parse(BUNDLE.reactorPom(), "pom.xml").managedDependencies().stream()
                .map(Pom.Block::coordinates)
                .toList();

        assertThat(managed)
                .allSatisfy(c -> assertThat(declared.contains(c) || classified.contains(c))
                        .as(c + " is managed by the root pom: classify it in features.txt (managed ...)")
                        .isTrue());
        assertThat(classified)
                .allSatisfy(
                        c -> assertThat(managed).as("features.txt names " + c).contains(c));
    }

    @Test
    void keelsonMigrateNeedsNothingAtRunTimeSoItsPomInTheProjectRepositoryListsNoDependencies() throws IOException {
        Path pom = Path.of(System.getenv("KEELSON_MODULE_DIR"), "..", "keelson-migrate", "pom.xml");
        List<Pom.Block> dependencies =
                Pom.parse(Files.readString(pom), pom.toString()).dependencies();

        assertThat(dependencies)
                .as("keelson-migrate gained a run-time dependency: list it in the pom that "
                        + "ProjectFiles.localRepository writes")
                // an optional one (the MongoDB driver) never reaches a project that depends on keelson-migrate
                .allSatisfy(d -> assertThat(d.child("scope").equals(java.util.Optional.of("test"))
                                || d.child("optional").equals(java.util.Optional.of("true")))
                        .as(d.coordinates())
                        .isTrue());
    }

    @Test
    void theStartersPomInTheProjectRepositoryListsItsRunTimeDependencies() throws IOException {
        Path pom = Path.of(System.getenv("KEELSON_MODULE_DIR"), "..", "keelson-migrate-spring-boot-starter", "pom.xml");
        List<String> runTime = Pom.parse(Files.readString(pom), pom.toString()).dependencies().stream()
                .filter(d -> d.child("scope").isEmpty() && d.child("optional").isEmpty())
                .map(Pom.Block::coordinates)
                .toList();

        assertThat(runTime)
                .as("the starter's run-time dependencies: the pom ProjectFiles.localRepository writes for it"
                        + " lists keelson-migrate and STARTER_DEPENDENCIES")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                Stream.of("dev.keelson:keelson-migrate"), ProjectFiles.STARTER_DEPENDENCIES.stream())
                        .toList());
    }

    @Test
    void everyFeatureSetDerivesAProjectWithoutALeftoverOfWhatItRemoved() {
        for (Set<Feature> features : featureSets()) {
            ProjectSpec spec =
                    new ProjectSpec("my-api", "com.acme.shop", "com.acme", features, Path.of("/tmp/x"), false);
            List<ProjectFile> files = new ProjectFiles(BUNDLE, spec).derive();
            assertThat(files)
                    .as(features.toString())
                    .extracting(ProjectFile::path)
                    .contains("pom.xml", "README.md", "mvnw", "src/main/java/com/acme/shop/MyApiApplication.java");
        }
    }

    /** Every combination of features that goes together. */
    private static List<Set<Feature>> featureSets() {
        List<Set<Feature>> sets = new ArrayList<>();
        Feature[] all = Feature.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<Feature> set = EnumSet.noneOf(Feature.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(all[i]);
                }
            }
            if (!set.contains(Feature.GRAPHQL) || set.contains(Feature.AUTH)) { // graphql needs auth: see ProjectSpec
                sets.add(set);
            }
        }
        return sets;
    }

    private static Pom referencePom() {
        return Pom.parse(new String(BUNDLE.template().get("pom.xml"), StandardCharsets.UTF_8), "pom.xml");
    }
}
