package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.QueryLibrary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Refreshes and pipelines within the budget, under load: a refresh is expected to cost an execution's list price (10)
 * and its write (at least 1), a pipeline each of its nodes; with 25 credits, six refreshes at once send two, and three
 * pipelines of a view and a query (21) at once send one. Sends are counted on the server.
 */
@Timeout(120)
class DataProductBudgetTest extends DuneTestSupport {

    private static final String VIEW = "dune.emulator.result_budgeted";
    private long reader;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        withBudget(context, 25, Duration.ofMinutes(10));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refresh").to("dune:refreshMaterializedView?materializedView=" + VIEW);
                from("direct:runPipeline")
                        .process(e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, reader))
                        .to("dune:runPipeline?pollInitialDelay=20ms&pollInterval=20ms");
            }
        };
    }

    /** A view and a query reading it, made on the emulator directly: nothing counted in the budget. */
    @BeforeEach
    void aViewAndItsReader() {
        emulator().engine().credits().prices(10, 20);
        QueryLibrary library = emulator().engine().library();
        long source = library.create("source", "SELECT 4 AS four", null, List.of(), Map.of(), false, false);
        String first = emulator()
                .engine()
                .materializedViews()
                .upsert("result_budgeted", source, null, null, false, null)
                .execution()
                .id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        emulator().engine().find(first).orElseThrow().state().isFinished());
        reader = library.create("reader", "SELECT * FROM " + VIEW, null, List.of(), Map.of(), false, false);
        emulator().clearRequests();
    }

    @Test
    void sixRefreshesAtOnceSendTwo() throws Exception {
        long before = executionsCreated();
        List<Exchange> done = Bursts.atOnce(template, "direct:refresh", 6);
        assertThat(done.stream().filter(e -> e.getException() == null)).hasSize(2);
        assertThat(done.stream().map(Exchange::getException).filter(e -> e != null))
                .hasSize(4)
                .allMatch(e -> e instanceof DuneBudgetExceededException);
        assertThat(emulator().requestCount(ApiEndpoint.MATVIEW_REFRESH)).isEqualTo(2);
        assertThat(executionsCreated() - before).isEqualTo(2);
    }

    @Test
    void threePipelinesAtOnceSendOneAndItSettlesAtWhatItsNodesCost() throws Exception {
        List<Exchange> done = Bursts.atOnce(template, "direct:runPipeline", 3);
        assertThat(done.stream().filter(e -> e.getException() == null)).hasSize(1);
        assertThat(done.stream().map(Exchange::getException).filter(e -> e != null))
                .hasSize(2)
                .allMatch(e -> e instanceof DuneBudgetExceededException);
        assertThat(emulator().requestCount(ApiEndpoint.PIPELINE_EXECUTE)).isOne();
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(dune.creditBudget().reserved()).isZero());
        assertThat(dune.creditBudget().settled())
                .as("the view's refresh (10 and its write, 1) and the query (10)")
                .isEqualByComparingTo("21");
    }
}
