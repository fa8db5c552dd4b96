package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code dune} dev console, found by Camel from the service file the build generates: while a run waits it lists
 * the execution, with its query, state and elapsed time; after it, the run time, credits and meters. A wait past
 * {@code longWaitThreshold} is logged once at INFO.
 */
@Timeout(120)
class DevConsoleTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.TOP_TRADERS
                                + "&pollInitialDelay=20ms&pollInterval=50ms&longWaitThreshold=300ms");
            }
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsoleListsAWaitingExecutionWhileItWaitsAndItsFiguresAfter() throws Exception {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("dune");
        assertThat(console)
                .as("found through META-INF/services/org/apache/camel/dev-console/dune")
                .isNotNull();
        ServiceHelper.startService(console);
        emulator().setMinDuration(SampleQuery.TOP_TRADERS.id(), Duration.ofMillis(1_500));
        try (LogCapture log = new LogCapture(Level.INFO, Map.of())) {
            CompletableFuture<Exchange> running = template.asyncSend("direct:run", e -> {});
            List<?> waiting = await().atMost(Duration.ofSeconds(5))
                    .until(() -> (List<?>) component(console).get("waiting"), w -> !w.isEmpty());
            assertThat(waiting).hasSize(1);
            JsonObject wait = (JsonObject) waiting.get(0);
            assertThat(wait.getString("executionId")).startsWith("01");
            assertThat(wait.getLong("queryId")).isEqualTo(1002L);
            assertThat(wait.getString("operation")).isEqualTo("run");
            String text = (String) console.call(DevConsole.MediaType.TEXT);
            assertThat(text).contains("Waiting on 1 execution(s)", wait.getString("executionId"), "query=1002");

            Exchange done = running.get();
            assertThat(done.getException()).isNull();
            String id = done.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class);
            assertThat(wait.getString("executionId")).isEqualTo(id);
            assertThat(log.lines())
                    .filteredOn(l -> l.startsWith("INFO") && l.contains(id) && l.contains("longWaitThreshold"))
                    .as("logged once, with its id and state")
                    .hasSize(1)
                    .allMatch(l -> l.contains("of query 1002 is still QUERY_STATE_EXECUTING after"));
        }

        JsonObject after = component(console);
        assertThat((List<?>) after.get("waiting")).isEmpty();
        assertThat((Map<String, Object>) after.get("recentRunMillis")).containsKey("1002");
        assertThat((Map<String, Object>) after.get("credits")).containsEntry("execution", 10.0);
        assertThat((List<?>) after.get("endpoints"))
                .anyMatch(uri -> uri.toString().startsWith("dune://run?"));
        assertThat(((List<?>) after.get("meters")).stream().map(m -> ((JsonObject) m).getString("name")))
                .contains("dune.executions", "dune.execution.run", "dune.polls", "dune.credits");
        assertThat(after.get("budget")).isNull();
    }

    private static JsonObject component(DevConsole console) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<?> components = (List<?>) json.get("components");
        assertThat(components).hasSize(1);
        return (JsonObject) components.get(0);
    }
}
