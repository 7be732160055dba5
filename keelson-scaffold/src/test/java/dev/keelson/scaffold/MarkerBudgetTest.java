package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Features of the reference service are whole files (#21); line markers are the exception, kept where no whole-file
 * seam exists (a released migration, a list item in a workflow or manifest). This counts them and prints where they
 * are, and fails when they grow; test code has none (a feature's tests are test classes of their own).
 */
class MarkerBudgetTest {
    /**
     * The most marker lines the reference service may carry (#21 asks for fewer than 20): released migrations and
     * items of YAML lists, each named in docs/scaffold.md with why it has no whole-file seam. Lower it when a marker
     * goes; a new one needs a reason there.
     */
    static final int BUDGET = 10;

    private static final Bundle BUNDLE = Bundle.load();

    @Test
    void theReferenceServiceCarriesNoMoreMarkersThanItsBudget() {
        Map<String, Integer> perFile = markersPerFile();
        int total = perFile.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "[markers] %d marker lines in %d files of the reference service (budget %d)%n",
                total, perFile.size(), BUDGET);
        perFile.forEach((path, count) -> System.out.printf("[markers]   %3d %s%n", count, path));

        assertThat(total)
                .as("marker lines in the reference service: %s", perFile)
                .isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void theOrderPackageHasNoMarkers() {
        assertThat(markersPerFile().keySet())
                .as("every generated project copies the order package as it is")
                .noneMatch(path -> path.contains("/reference/order/"));
    }

    @Test
    void theTestCodeHasNoMarkers() {
        assertThat(markersPerFile().keySet())
                .as("a feature's tests are test classes of that feature, listed in features.txt")
                .noneMatch(path -> path.contains("src/test/"));
    }

    private static Map<String, Integer> markersPerFile() {
        Map<String, Integer> perFile = new TreeMap<>();
        BUNDLE.template().forEach((path, bytes) -> {
            int count = LineMarkers.count(new String(bytes, StandardCharsets.UTF_8));
            if (count > 0) {
                perFile.put(path, count);
            }
        });
        return perFile;
    }
}
