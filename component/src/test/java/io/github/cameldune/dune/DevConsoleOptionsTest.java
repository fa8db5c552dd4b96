package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code dune} console's options, each a question with its answer in text and JSON: {@code execution=<id>} while a
 * run waits for it and after (its status read from Dune), {@code query=<id>} (its waits, run times and meters),
 * {@code budget=true} (the component's budget and an endpoint's).
 */
@Timeout(120)
class DevConsoleOptionsTest extends DuneTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        withBudget(context, 500, Duration.ofHours(1));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.TOP_TRADERS + "&pollInitialDelay=20ms&pollInterval=50ms"
                                + "&creditBudget=100");
            }
        };
    }

    private DevConsole console() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("dune");
        ServiceHelper.startService(console);
        return console;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject answer(DevConsole console, String option, String value) {
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of(option, value));
        JsonObject component = (JsonObject) ((List<?>) json.get("components")).get(0);
        return (JsonObject) component.get(option);
    }

    private static List<Object> list(JsonObject json, String key) {
        return List.copyOf(json.getCollection(key));
    }

    private static String text(DevConsole console, String option, String value) {
        return (String) console.call(DevConsole.MediaType.TEXT, Map.of(option, value));
    }

    @Test
    void executionSaysWhereAnExecutionIsWhileItWaitsAndAfter() throws Exception {
        DevConsole console = console();
        emulator().setMinDuration(SampleQuery.TOP_TRADERS.id(), Duration.ofMillis(1_500));
        CompletableFuture<Exchange> running = template.asyncSend("direct:run", e -> {});
        String id = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> context.getComponent("dune", DuneComponent.class).metrics().waiting().stream()
                                .map(w -> w.executionId())
                                .findFirst()
                                .orElse(null),
                        v -> v != null);
        JsonObject waiting = answer(console, DuneDevConsole.EXECUTION, id);
        assertThat(((JsonObject) waiting.get("waiting")).getString("operation")).isEqualTo("run");
        assertThat(((JsonObject) waiting.get("status")).getString("state")).isEqualTo("QUERY_STATE_EXECUTING");
        assertThat(text(console, DuneDevConsole.EXECUTION, id))
                .contains("Execution " + id, "Waited for: run of query 1002", "Status: QUERY_STATE_EXECUTING");

        assertThat(running.get().getException()).isNull();
        JsonObject after = answer(console, DuneDevConsole.EXECUTION, id);
        assertThat(after.get("waiting")).isNull();
        JsonObject status = (JsonObject) after.get("status");
        assertThat(status.getString("state")).isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(status.getLong("queryId")).isEqualTo(1002L);
        assertThat(status.getDouble("executionCostCredits")).isEqualTo(10.0);
        assertThat(text(console, DuneDevConsole.EXECUTION, id))
                .contains("Waited for: no", "Status: QUERY_STATE_COMPLETED, query 1002", "10.0 credits");

        JsonObject unknown = answer(console, DuneDevConsole.EXECUTION, "nope");
        assertThat(((JsonObject) unknown.get("status")).getString("error")).contains("is not a Dune execution id");
        assertThat(text(console, DuneDevConsole.EXECUTION, "nope")).contains("Status: not read:");
    }

    @Test
    void queryAndBudgetAnswerTheirQuestionsOnly() {
        assertThat(template.request("direct:run", e -> {}).getException()).isNull();
        DevConsole console = console();

        JsonObject query = answer(console, DuneDevConsole.QUERY, "1002");
        assertThat(list(query, "recentRunMillis")).hasSize(1);
        assertThat(list(query, "waiting")).isEmpty();
        assertThat(list(query, "meters"))
                .isNotEmpty()
                .allMatch(m -> "1002".equals(((JsonObject) ((JsonObject) m).get("tags")).getString("query")));
        assertThat(text(console, DuneDevConsole.QUERY, "1002"))
                .contains("Query 1002", "Waiting on 0 execution(s)", "dune.executions{")
                .doesNotContain("Endpoints:");

        JsonObject budgets = answer(console, DuneDevConsole.BUDGET, "true");
        assertThat(((JsonObject) budgets.get("component")).getDouble("settled")).isEqualTo(10.0);
        assertThat(((JsonObject) budgets.get("component")).getDouble("budget")).isEqualTo(500.0);
        JsonObject endpoint = (JsonObject) list(budgets, "endpoints").get(0);
        assertThat(endpoint.getString("endpoint")).startsWith("dune://run?");
        assertThat(((JsonObject) endpoint.get("budget")).getDouble("budget")).isEqualTo(100.0);
        assertThat(text(console, DuneDevConsole.BUDGET, "true"))
                .contains("Component budget: {budget=500.0", "dune://run?", "Executions followed")
                .doesNotContain("Meters:");
    }
}
