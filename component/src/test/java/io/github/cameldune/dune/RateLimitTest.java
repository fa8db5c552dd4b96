package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.SampleQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The component keeps to its read limit across endpoints, without holding threads; writes count apart. */
@Timeout(120)
class RateLimitTest extends DuneTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        dune.setRateLimitRead(600); // one read every 100 ms
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("dune:status?maxRetries=0");
                from("direct:b").to("dune:status?maxRetries=0&connectTimeout=5s");
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES);
            }
        };
    }

    @Test
    void readsAreSpacedAcrossEndpoints() throws Exception {
        String id = finishedExecution(SampleQuery.NUMBER_SERIES.id(), java.util.Map.of());
        long start = System.nanoTime();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            for (int i = 0; i < 10; i++) {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(id);
                sent.add(template.asyncSend(i % 2 == 0 ? "direct:a" : "direct:b", exchange));
            }
            for (CompletableFuture<Exchange> f : sent) {
                assertThat(f.get(10, TimeUnit.SECONDS).getException()).isNull();
            }
            lines = capture.lines().stream()
                    .filter(l -> l.contains(".client.Sender Dune status waits "))
                    .toList();
        }
        // nine of the ten wait their turn; at most one of them is a WARN, the rest of the burst only counted
        assertThat(lines)
                .hasSize(9)
                .allMatch(l -> l.contains(" ms for the read rate limit (rateLimitWrite/rateLimitRead)"));
        assertThat(lines.stream().filter(l -> l.startsWith("WARN "))).hasSizeLessThanOrEqualTo(1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("10 reads at 600 per minute take 0.9 s at least").isGreaterThanOrEqualTo(850);
        assertThat(requests()).hasSize(10);

        start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(template.request("direct:execute", e -> {}).getException())
                    .isNull();
        }
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("writes have no limit here")
                .isLessThan(850);
    }
}
