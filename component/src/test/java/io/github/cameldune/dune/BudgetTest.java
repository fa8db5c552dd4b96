package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A credit budget of 100 per window, a query that costs 30 a run: three runs complete, the fourth is refused before
 * the emulator receives it, and once the window has passed runs start again. An endpoint can have a budget of its
 * own.
 */
class BudgetTest extends DuneTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        dune.setCreditBudget(100);
        dune.setCreditBudgetWindow(2_000);
        // only what this JVM saw (BudgetReconcileTest adds the account's usage)
        dune.setCreditReconcileInterval(0);
        // exports estimated at zero, so that the credits counted are exactly the executions'
        dune.setExportCreditsPerMb(0);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("dune:run?queryId=1001&pollInitialDelay=20ms&pollInterval=20ms");
                from("direct:own").to("dune:run?queryId=1003&creditBudget=50&pollInitialDelay=20ms&pollInterval=20ms");
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

        Thread.sleep(Duration.ofMillis(2_100).toMillis());
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
