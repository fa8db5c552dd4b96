package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code creditEstimate}: what a query never seen is expected to cost. With 25 and a budget of 100, a burst of thirty
 * concurrent executes of a new query lets four through, whatever they really cost.
 */
@Timeout(60)
class BudgetEstimateTest extends DuneTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        withBudget(context, 100, Duration.ofMinutes(10)).setCreditEstimate(25);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:new").to("dune:execute?queryId=" + SampleQuery.PARAMETER_ECHO);
            }
        };
    }

    @Test
    void aBurstOfANewQueryIsBoundedByTheEstimate() throws Exception {
        emulator().engine().credits().prices(10, 20);
        List<Exchange> done = Bursts.atOnce(template, "direct:new", 30);
        assertThat(done.stream().filter(e -> e.getException() == null)).hasSize(4);
        assertThat(executionsCreated()).isEqualTo(4);
        DuneBudgetExceededException refused = (DuneBudgetExceededException) done.stream()
                .map(Exchange::getException)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
        assertThat(refused.getExpected()).isEqualByComparingTo("25");
        assertThat(refused.getScope()).isEqualTo("component");
        assertThat(refused.getCounted().add(refused.getReserved())).isEqualByComparingTo("100");
        assertThat(refused.getMessage()).contains("100 reserved").contains("frees up from");
    }
}
