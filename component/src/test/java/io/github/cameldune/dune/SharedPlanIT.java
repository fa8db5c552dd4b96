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
 * Three replicas of one application (three Camel contexts, each with its own component and nothing shared but the
 * emulated plan) offer twice the plan's rate of executes. Paced by Dune's RateLimit headers, every exchange completes
 * and the 429s stay under 5% of the requests; each keeping its own pace, most would be refused first.
 */
@Timeout(600)
class SharedPlanIT extends DuneTestSupport {

    private static final int REPLICAS = 3;
    private static final int PER_REPLICA = 30;

    @Test
    void replicasPacedByDunesHeadersShareThePlan() throws Exception {
        // the plan: 10 executes per 2 s, 5 a second; offered: 10 a second
        emulator().rateLimits().write(10, Duration.ofSeconds(2));
        double refused = run(true, PER_REPLICA);
        assertThat(refused).as("share of 429s").isLessThan(0.05);
    }

    @Test
    void withoutThePaceTheyLiveOn429s() throws Exception {
        emulator().rateLimits().write(10, Duration.ofSeconds(2));
        // fewer: each is refused and sent again many times
        double refused = run(false, PER_REPLICA / 2);
        assertThat(refused).as("share of 429s").isGreaterThan(0.2);
    }

    /** Runs the replicas at twice the plan; every exchange must complete; returns the share of requests refused. */
    private double run(boolean paced, int perReplica) throws Exception {
        List<CamelContext> replicas = new ArrayList<>();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        try {
            for (int r = 0; r < REPLICAS; r++) {
                CamelContext replica = new DefaultCamelContext();
                DuneComponent dune = component(emulator().baseUrl(), emulator().apiKey());
                dune.setServerRateLimit(paced);
                dune.getConfiguration().setMaxRetries(20);
                dune.getConfiguration().setRetryMaxDelay(2_000);
                replica.addComponent("dune", dune);
                replica.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES);
                    }
                });
                replica.start();
                replicas.add(replica);
            }
            List<ProducerTemplate> producers =
                    replicas.stream().map(CamelContext::createProducerTemplate).toList();
            // 10 a second in all
            for (int i = 0; i < perReplica; i++) {
                for (int r = 0; r < REPLICAS; r++) {
                    sent.add(producers.get(r).asyncSend("direct:execute", new DefaultExchange(replicas.get(r))));
                }
                // about time: the executes are offered at a rate, twice the plan's
                Thread.sleep(300);
            }
            for (CompletableFuture<Exchange> f : sent) {
                assertThat(f.get(120, TimeUnit.SECONDS).getException())
                        .as("every exchange completes")
                        .isNull();
            }
        } finally {
            for (CamelContext replica : replicas) {
                replica.close();
            }
        }
        int exchanges = REPLICAS * perReplica;
        assertThat(executionsCreated()).isEqualTo(exchanges);
        int requests = requests().size();
        double refused = (requests - exchanges) / (double) requests;
        System.out.printf(
                "%d replicas, %d executes at twice the plan, %s: %d requests, %.1f%% refused with 429%n",
                REPLICAS, exchanges, paced ? "paced by Dune's headers" : "unpaced", requests, refused * 100);
        return refused;
    }
}
