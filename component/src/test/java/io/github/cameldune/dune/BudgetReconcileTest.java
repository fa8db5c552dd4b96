package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A budget reconciled with the account's usage ({@code POST /v1/usage}, every 100 ms here): what another component of
 * the same account spent, which this one never saw, counts against its budget, and its own executions count once.
 */
@Timeout(60)
class BudgetReconcileTest extends DuneTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        dune.setCreditBudget(100);
        dune.setCreditBudgetWindow(60_000);
        dune.setCreditReconcileInterval(100);
        dune.setExportCreditsPerMb(0);
        context.addComponent("other", component(emulator().baseUrl(), emulator().apiKey()));
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
                from("direct:other")
                        .to("other:run?queryId=" + SampleQuery.TOP_TRADERS
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
            }
        };
    }

    @Test
    void creditsAnotherComponentSpentCountOnceReconciledWithTheAccountsUsage() throws Exception {
        emulator().engine().credits().prices(30, 60);
        emulator().settings().exportCreditsPerMb(0);
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        // the first usage read is the baseline, which counts nothing: what runs after it is what is counted (on a
        // busy machine it can come late, and take in what ran before it)
        await().atMost(Duration.ofSeconds(10)).until(() -> dune.creditBudget().reconciledAt() != null);
        assertThat(template.request("direct:run", e -> {}).getException()).isNull();
        // another client of the same account: this component never sees its executions
        for (int run = 0; run < 2; run++) {
            assertThat(template.request("direct:other", e -> {}).getException()).isNull();
        }
        // a reconciliation between an execution's end and its status reaching this JVM counts it once too many, until
        // the next one takes it back: wait for the figure to settle
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(dune.creditBudget().othersCounted()).isEqualByComparingTo("60"));
        emulator().clearRequests();
        Exchange refused = template.request("direct:run", e -> {});
        assertThat(refused.getException())
                .isInstanceOf(DuneBudgetExceededException.class)
                .hasMessageContaining("(90 counted)");
        // only the reconciliation's usage reads, which are free, reach the emulator
        assertThat(requests())
                .as("refused before sending")
                .filteredOn(r -> !r.path().endsWith("/v1/usage"))
                .isEmpty();
        // its own executions, counted when their status came, are not counted a second time from the usage: several
        // reconciliations later (one every 100 ms), still 90
        long reconciledBefore = dune.creditBudget().reconciledAt().toEpochMilli();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> dune.creditBudget().reconciledAt().toEpochMilli() >= reconciledBefore + 300);
        assertThat(dune.creditBudget().spent()).isEqualByComparingTo("90");
    }
}
