package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A route sending executes at twice the plan's limit completes every exchange: with the client-side limiter on (it
 * waits its turn) and with it off (Dune's 429 and Retry-After, then retries). The emulator's plan allows 10 executes
 * per second here (a minute on Dune, shortened for the test).
 */
@Timeout(600)
class PlanRateLimitIT extends DuneTestSupport {

    private static final int EXCHANGES = 30;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // neither limiter: the client's nor the pace of Dune's headers (SharedPlanIT)
        context.getComponent("dune", DuneComponent.class).setServerRateLimit(false);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:execute")
                        .to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&maxRetries=10&retryMaxDelay=2s");
            }
        };
    }

    @Test
    void twiceTheLimitWithoutTheLimiterGoesThroughRetryAfter() throws Exception {
        emulator().rateLimits().write(10, Duration.ofSeconds(1));
        long refused = sendAtTwiceTheLimit();
        assertThat(refused).as("Dune refused some and they were sent again").isPositive();
        assertThat(executionsCreated()).isEqualTo(EXCHANGES);
    }

    @Test
    void twiceTheLimitWithTheLimiterWaitsItsTurn() throws Exception {
        emulator().rateLimits().write(10, Duration.ofSeconds(1));
        try (CamelContext limited = new DefaultCamelContext()) {
            DuneComponent dune = new DuneComponent();
            dune.getConfiguration().setBaseUrl(emulator().baseUrl());
            dune.getConfiguration().setApiKey(emulator().apiKey());
            // 9 a second: a little under the plan, as one would configure it
            dune.setRateLimitWrite(540);
            dune.setServerRateLimit(false);
            limited.addComponent("dune", dune);
            limited.addRoutes(createRouteBuilder());
            limited.start();
            long refused = sendAtTwiceTheLimit(limited);
            assertThat(refused).as("the limiter kept under the plan").isLessThanOrEqualTo(2);
        }
        assertThat(executionsCreated()).isEqualTo(EXCHANGES);
    }

    private long sendAtTwiceTheLimit() throws Exception {
        return sendAtTwiceTheLimit(context);
    }

    /** Sends the executes at 20 a second; returns how many 429s Dune answered. */
    private long sendAtTwiceTheLimit(CamelContext camel) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        ProducerTemplate producer = camel.createProducerTemplate();
        for (int i = 0; i < EXCHANGES; i++) {
            Exchange exchange = new DefaultExchange(camel);
            sent.add(producer.asyncSend("direct:execute", exchange));
            // about time: the executes are offered at a rate, twice the plan's
            Thread.sleep(50);
        }
        for (CompletableFuture<Exchange> f : sent) {
            assertThat(f.get(60, TimeUnit.SECONDS).getException())
                    .as("every exchange completes")
                    .isNull();
        }
        long refused = requests().size() - EXCHANGES;
        System.out.printf("%d executes at 20/s against a plan of 10/s: %d refused with 429%n", EXCHANGES, refused);
        return refused;
    }
}
