package dev.keelson.cli.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.InProcessKeelson;
import dev.keelson.load.Scenario;
import dev.keelson.load.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load scenario of a generated project ({@code load/scenario.yaml}), read by keelson-load's own parser: as
 * {@code keelson new} writes it, and after {@code keelson add resource} appended the steps of two resources.
 */
class LoadScenarioTest {
    @TempDir
    Path dir;

    private InProcessKeelson.Run keelson(String... args) {
        InProcessKeelson.Run run = new InProcessKeelson(dir).run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static List<String> names(Scenario scenario) {
        return scenario.steps().stream().map(Step::name).toList();
    }

    @Test
    void withAuthEachUserSignsInAndTheAddedResourcesStepsFollowTheOrders() {
        keelson("new", "shop", "--no-git");
        Path project = dir.resolve("shop");
        keelson("add", "resource", "customer", "name:text(100)", "--dir", "shop", "--allow-dirty");
        keelson(
                "add",
                "resource",
                "product",
                "title:text(200)",
                "price:money:sort",
                "sku:text(40):unique",
                "order:ref(order)",
                "customer:ref(customer):optional",
                "--owned",
                "--dir",
                "shop",
                "--allow-dirty");

        Scenario scenario = Scenario.load(project.resolve("load/scenario.yaml"));
        Scenario signUp = Scenario.load(project.resolve("load/sign-up.yaml"));

        assertThat(names(scenario))
                .containsExactly(
                        "sign in",
                        "place an order",
                        "read the order",
                        "list orders",
                        "list customers",
                        "create product",
                        "read product",
                        "list products");
        assertThat(scenario.feed()).hasSize(50);
        assertThat(scenario.target().toString()).isEqualTo("http://127.0.0.1:8080");
        Step create = scenario.steps().get(5);
        assertThat(create.body())
                .isEqualTo(
                        "{\"title\":\"load test\",\"price\":\"1.55\",\"sku\":\"${orderId}\",\"orderId\":\"${orderId}\"}");
        assertThat(create.headers()).containsEntry("Authorization", "Bearer ${token}");
        assertThat(names(signUp)).containsExactly("sign up");
        assertThat(signUp.feed()).isEqualTo(scenario.feed());
    }

    @Test
    void withoutAuthThereIsNoSignInAndEveryResourceIsCreatedReadAndListed() {
        keelson("new", "shop", "--minimal", "--no-git");
        Path project = dir.resolve("shop");
        keelson("add", "resource", "customer", "name:text(100)", "--dir", "shop", "--allow-dirty");
        keelson(
                "add",
                "resource",
                "invoice",
                "customer:ref(customer)",
                "total:money",
                "--dir",
                "shop",
                "--allow-dirty");

        Scenario scenario = Scenario.load(project.resolve("load/scenario.yaml"));

        assertThat(names(scenario))
                .containsExactly(
                        "place an order",
                        "read the order",
                        "list orders",
                        "create customer",
                        "read customer",
                        "list customers",
                        "create invoice",
                        "read invoice",
                        "list invoices");
        assertThat(scenario.feed()).isEmpty();
        assertThat(scenario.steps().get(6).body()).isEqualTo("{\"customerId\":\"${customerId}\",\"total\":\"1.55\"}");
        assertThat(project.resolve("load/sign-up.yaml")).doesNotExist();
    }
}
