package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.engine.MaterializedViews;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data-product example on the emulator: the view is upserted and waited for, the route refreshes it twice, the
 * reader's pipeline runs twice (the view's refresh, then the query), each node logged with its state and cost.
 */
@Timeout(120)
class DataProductAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void theViewIsKeptFreshAndThePipelineRuns() throws Exception {
        DUNE.emulator()
                .queries()
                .add(DataProductApp.query("trades-by-chain.sql"))
                .add(DataProductApp.query("busiest-chain.sql"));
        Main main = ExampleRunner.create(new DataProductRoutes(), "data-products.properties", DUNE.emulator());
        main.addOverrideProperty("example.refresh-period", "100");
        main.addOverrideProperty("example.refreshes", "2");
        main.addOverrideProperty("example.pipeline-period", "100");
        main.addOverrideProperty("example.pipelines", "2");
        // the emulator's executions take milliseconds: poll them as often
        main.addOverrideProperty("camel.component.dune.poll-initial-delay", "20");
        main.addOverrideProperty("camel.component.dune.poll-interval", "20");
        List<String> logged = new CopyOnWriteArrayList<>();
        main.start();
        main.getCamelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            logged.add(message);
            return message;
        });
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> logged.stream()
                                            .filter(l -> l.startsWith("pipeline "))
                                            .count()
                                    == 2
                            && logged.stream()
                                            .filter(l -> l.startsWith("refreshed "))
                                            .count()
                                    == 2);
        } finally {
            main.stop();
        }
        MaterializedViews.View view = DUNE.emulator()
                .engine()
                .materializedViews()
                .find("dune.emulator.result_trades_by_chain")
                .orElseThrow();
        assertThat(view.lastExecutionIds())
                .as("the upsert, two route refreshes, two pipelines")
                .hasSize(5);
        assertThat(view.schedule().cron().expression()).isEqualTo("0 * * * *");
        assertThat(DUNE.emulator().requestCount(ApiEndpoint.PIPELINE_EXECUTE)).isEqualTo(2);
        assertThat(logged)
                .anyMatch(l -> l.startsWith("dune.emulator.result_trades_by_chain is ready: refresh 01")
                        && l.endsWith(" cost 10 credits"))
                .anyMatch(l -> l.startsWith("refreshed dune.emulator.result_trades_by_chain in 01")
                        && l.endsWith(": 10 credits"))
                .anyMatch(l -> l.startsWith("pipeline ") && l.contains(" completed: [{blockchain=ethereum"))
                .anyMatch(l -> l.matches("  node 1 dune.emulator.result_trades_by_chain: QUERY_STATE_COMPLETED, "
                        + "10 credits \\(execution 01.*\\)"))
                .anyMatch(l -> l.matches("  node 2 2002: QUERY_STATE_COMPLETED, 10 credits \\(execution 01.*\\)"));
    }
}
