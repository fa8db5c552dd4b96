package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.credits.CreditBudget;
import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The budget under the loads it names: a flood of concurrent runs, executes whose status no route reads, and queries
 * never seen. Every execution costs 10 credits on the emulator; the budget is 100, and a first run of the query makes
 * its cost known, so there is room for 9 more executions. Executions are counted on the server.
 */
@Timeout(120)
class BudgetUnderLoadTest extends DuneTestSupport {

    private static final int BURST = 30;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        withBudget(context, 100, Duration.ofMinutes(10)).setCreditSettleInterval(300);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES);
                from("direct:new").to("dune:execute?queryId=" + SampleQuery.PARAMETER_ECHO);
                from("direct:sql").to("dune:executeSql?sql=select 42 as answer");
            }
        };
    }

    private DuneComponent dune() {
        return context.getComponent("dune", DuneComponent.class);
    }

    private long executesBefore;

    /** Makes the cost of query 1005 known (10 credits, counted): 90 left, room for 9 executions. */
    private void knownCost() {
        emulator().engine().credits().prices(10, 20);
        Exchange first = template.request("direct:run", e -> {});
        assertThat(first.getException()).isNull();
        assertThat(dune().creditBudget().settled()).isEqualByComparingTo("10");
        executesBefore = emulator().requestCount(ApiEndpoint.EXECUTE);
    }

    /** The execute requests the emulator received since the cost was known. */
    private long executesSent() {
        return emulator().requestCount(ApiEndpoint.EXECUTE) - executesBefore;
    }

    private List<Exchange> atOnce(String uri, int count) throws Exception {
        return Bursts.atOnce(template, uri, count);
    }

    private static void ninePassedTheRestWereRefused(List<Exchange> done) {
        assertThat(done.stream().filter(e -> e.getException() == null)).hasSize(9);
        assertThat(done.stream().map(Exchange::getException).filter(e -> e != null))
                .hasSize(BURST - 9)
                .allMatch(e -> e instanceof DuneBudgetExceededException);
    }

    @Test
    void thirtyRunsAtOnceLetNineExecutionsThrough() throws Exception {
        knownCost();
        ninePassedTheRestWereRefused(atOnce("direct:run", BURST));
        assertThat(executionsCreated()).isEqualTo(1 + 9);
        assertThat(executesSent()).as("refused ones sent nothing").isEqualTo(9);
        assertThat(dune().creditBudget().settled()).isEqualByComparingTo("100");
        assertThat(dune().creditBudget().reserved()).isZero();
    }

    @Test
    void thirtyExecutesAtOnceLetNineExecutionsThrough() throws Exception {
        knownCost();
        ninePassedTheRestWereRefused(atOnce("direct:execute", BURST));
        assertThat(executionsCreated()).isEqualTo(1 + 9);
        assertThat(executesSent()).isEqualTo(9);
    }

    @Test
    void thirtyExecutesOneAfterAnotherWhoseStatusNobodyReadsLetNineThrough() {
        knownCost();
        List<Exchange> done = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            done.add(template.request("direct:execute", e -> {}));
        }
        ninePassedTheRestWereRefused(done);
        assertThat(executionsCreated()).isEqualTo(1 + 9);
        assertThat(executesSent()).isEqualTo(9);
    }

    @Test
    void aBurstOfAQueryNeverSeenIsBoundedByTheTiersListPrice() throws Exception {
        // nothing seen yet: a medium execution is expected to cost its list price, 10 credits
        emulator().engine().credits().prices(10, 20);
        List<Exchange> done = atOnce("direct:new", BURST);
        assertThat(done.stream().filter(e -> e.getException() == null)).hasSize(10);
        assertThat(executionsCreated()).isEqualTo(10);
    }

    @Test
    void aBurstOfAQueryNeverSeenIsBoundedByTheHighestCostSeen() throws Exception {
        // one query cost 25: a query never seen is expected to cost as much
        emulator().engine().credits().prices(25, 50);
        assertThat(template.request("direct:run", e -> {}).getException()).isNull();
        List<Exchange> done = atOnce("direct:sql", BURST);
        assertThat(done.stream().filter(e -> e.getException() == null)).hasSize(3);
        assertThat(executionsCreated()).isEqualTo(1 + 3);
    }

    @Test
    void executesNobodyReadsAreSettledAtWhatDuneChargedWithinOneInterval() throws Exception {
        emulator().engine().credits().prices(7, 14);
        for (int i = 0; i < 5; i++) {
            assertThat(template.request("direct:execute", e -> {}).getException())
                    .isNull();
        }
        CreditBudget budget = dune().creditBudget();
        assertThat(budget.reserved())
                .as("held at the list price until Dune says")
                .isEqualByComparingTo("50");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> emulator().engine().executions().stream()
                        .allMatch(e -> e.snapshot().state().isFinished()));
        long ended = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.reserved().signum() == 0);
        // one settlement interval (300 ms), and the time a round's answers take
        assertThat(Duration.ofNanos(System.nanoTime() - ended)).isLessThan(Duration.ofMillis(300 + 700));
        assertThat(budget.settled())
                .isEqualByComparingTo(emulator().engine().credits().used());
        assertThat(budget.settled()).isEqualByComparingTo("35");
        assertThat(dune().ledger().followed())
                .as("nothing is followed any more")
                .isZero();
        // the settler's reads are status reads, free
        assertThat(emulator().requestCount(ApiEndpoint.STATUS)).isBetween(5L, 10L);
    }
}
