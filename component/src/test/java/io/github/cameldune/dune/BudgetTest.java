package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.emulator.SampleQuery;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A credit budget of 100 per window, a query that costs 30 a run: three runs complete, the fourth is refused before
 * the emulator receives it, and once the window has passed runs start again. An endpoint can have a budget of its
 * own.
 */
@Timeout(120)
class BudgetTest extends DuneTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        withBudget(context, 100, Duration.ofSeconds(2));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
                from("direct:own")
                        .to("dune:run?queryId=" + SampleQuery.WALLET_TRADES
                                + "&creditBudget=50&pollInitialDelay=20ms&pollInterval=20ms");
            }
        };
    }

    @Test
    void theFourthRunIsRefusedBeforeAnythingIsSentAndTheWindowFreesIt() throws Exception {
        emulator().engine().credits().prices(30, 60);
        emulator().settings().exportCreditsPerMb(0);
        for (int run = 1; run <= 3; run++) {
            Exchange done = template.request("direct:run", e -> {});
            assertThat(done.getException()).as("run %d", run).isNull();
            assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_COST_CREDITS, BigDecimal.class))
                    .isEqualByComparingTo("30");
        }
        emulator().clearRequests();
        Exchange fourth = template.request("direct:run", e -> {});
        assertThat(fourth.getException())
                .isInstanceOf(DuneBudgetExceededException.class)
                .hasMessageContaining(
                        "the component's credit budget of 100 credits per PT2S would be exceeded (90 counted)");
        DuneBudgetExceededException refused = (DuneBudgetExceededException) fourth.getException();
        assertThat(refused.getCounted()).isEqualByComparingTo("90");
        assertThat(refused.getFreesAt()).isNotNull();
        assertThat(requests()).as("the emulator received nothing").isEmpty();
        assertThat(executionsCreated()).isEqualTo(3);

        // the window passes, and its credits with it
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> dune.creditBudget().spent().signum() == 0);
        assertThat(template.request("direct:run", e -> {}).getException())
                .as("after the window")
                .isNull();
        assertThat(executionsCreated()).isEqualTo(4);
    }

    @Test
    void anEndpointsOwnBudgetRefusesItsExecutesAndNamesItself() {
        emulator().engine().credits().prices(30, 60);
        assertThat(template.request("direct:own", e -> {}).getException()).isNull();
        Exchange refused = template.request("direct:own", e -> {});
        assertThat(refused.getException())
                .isInstanceOf(DuneBudgetExceededException.class)
                .hasMessageContaining("the endpoint's credit budget of 50 credits per PT2S");
        assertThat(executionsCreated()).isEqualTo(1);
    }
}
