package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.faults.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metrics example against the emulator: its Prometheus endpoint shows the executions by outcome, the credits and
 * the budget; its dev console lists the component; and every series the Grafana dashboard queries is in the scrape.
 */
@Timeout(120)
class MetricsAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theScrapeShowsExecutionsCreditsAndTheBudgetAndTheDashboardQueriesThem() throws Exception {
        Main main = ExampleRunner.create(new MetricsRoutes(), "metrics.properties", DUNE.emulator());
        main.addOverrideProperty("example.period", "300");
        main.addOverrideProperty("example.metrics-port", "0");
        // the Free plan's limits would space the executes 4 s and the polls 1.5 s apart: high ones, still measured
        main.addOverrideProperty("camel.component.dune.rate-limit-write", "6000");
        main.addOverrideProperty("camel.component.dune.rate-limit-read", "6000");
        // one answer lost on the way, for the retry series
        DUNE.emulator()
                .faults()
                .add(Fault.status(503, "busy").on(ApiEndpoint.RESULTS).times(1));
        main.start();
        try {
            int port =
                    main.getCamelContext().hasService(MetricsHttpServer.class).port();
            JsonNode dashboard = new ObjectMapper()
                    .readTree(Path.of("grafana/camel-dune-dashboard.json").toFile());
            Set<String> queried = new TreeSet<>();
            Matcher names = Pattern.compile("dune_[a-z_]+").matcher(dashboard.toString());
            while (names.find()) {
                queried.add(names.group());
            }
            assertThat(queried).hasSizeGreaterThan(10);
            String scrape =
                    await().atMost(Duration.ofSeconds(10)).until(() -> get(port, "/metrics"), s -> shows(s, queried));
            assertThat(scrape)
                    .containsPattern("dune_executions_total\\{outcome=\"completed\",query=\"1001\"} [1-9]")
                    .containsPattern("dune_executions_total\\{outcome=\"failed\",query=\"sql\"} [1-9]")
                    .containsPattern("dune_credits_total\\{kind=\"execution\"} [1-9]")
                    .containsPattern("dune_credits_budget_credits 500")
                    .contains("dune_credits_budget_remaining_credits")
                    .contains("dune_execution_run_seconds_count{query=\"1001\"}")
                    .contains("dune_polls_total")
                    .contains("dune_retries_total{status=\"503\"}");

            JsonNode console = new ObjectMapper().readTree(get(port, "/q/dev/dune"));
            assertThat(console.at("/components/0/name").asText()).isEqualTo("dune");
            assertThat(console.at("/components/0/budget/budget").asDouble()).isEqualTo(500.0);
            assertThat(get(port, "/q/dev/dune?format=text")).contains("Dune component dune");
            assertThat(get(port, "/q/dev/dune?format=text&budget=true"))
                    .contains("Component budget: {")
                    .doesNotContain("Meters:");

            for (String series : queried) {
                assertThat(scrape).as("the dashboard's %s", series).contains(series);
            }
        } finally {
            main.stop();
        }
    }

    /** Whether the scrape has a completed and a failed execution and every series the dashboard queries. */
    private static boolean shows(String scrape, Set<String> queried) {
        return scrape.contains("outcome=\"completed\"")
                && scrape.contains("outcome=\"failed\"")
                && queried.stream().allMatch(scrape::contains);
    }

    private String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
