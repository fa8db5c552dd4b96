package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.SampleQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Waiting holds no thread: 200 {@code run} exchanges on a query that takes 2 seconds are all in flight at once, and the
 * JVM's live threads grow by fewer than 20 meanwhile.
 */
@Timeout(600)
class ConcurrentRunIT extends DuneTestSupport {

    private static final int EXCHANGES = 200;

    @BeforeEach
    void slowQueryAndRoomForAll() {
        emulator().settings().maxConcurrent(EXCHANGES);
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ofSeconds(2));
    }

    @AfterEach
    void restore() {
        emulator().settings().maxConcurrent(3);
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ZERO);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&pollInitialDelay=250ms&pollInterval=250ms");
            }
        };
    }

    @Test
    void thePollerTakesAsManyWaitsAsThereAreExecutions() throws Exception {
        // Camel's default pools refuse the 1,001st queued task; 10,000 waiting executions are 10,000 tasks
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(5_000);
        for (int i = 0; i < 5_000; i++) {
            dune.poller().schedule(ran::countDown, 200, TimeUnit.MILLISECONDS);
        }
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoHundredWaitingRunsHoldNoThreads() throws Exception {
        // one run first, so that every pool that exists anyway (HTTP I/O, poller) is there before counting
        Exchange warmUp = template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 1)));
        assertThat(warmUp.getException()).isNull();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(threads.getThreadCount(), Math::max);
                try {
                    // about time: a sample every 20 ms
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> peak.get() > 0);
        int before = threads.getThreadCount();

        // sent through the route's async producer: the sender holds no thread either, so only camel-dune's count
        AsyncProducer sender = context.getEndpoint("direct:run").createAsyncProducer();
        sender.start();
        long start = System.nanoTime();
        List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Map.of("start", i * 10, "row_count", 3));
            inFlight.add(sender.processAsync(exchange));
        }
        long sent = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long done = System.nanoTime();
        sampling.set(false);
        sampler.join();
        sender.stop();

        for (int i = 0; i < EXCHANGES; i++) {
            Exchange e = inFlight.get(i).get();
            assertThat(e.getException()).isNull();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = e.getMessage().getBody(List.class);
            assertThat(rows)
                    .extracting(r -> ((Number) r.get("number")).intValue())
                    .containsExactly(i * 10, i * 10 + 1, i * 10 + 2);
        }
        System.out.printf(
                "%d concurrent runs of a 2 s query: all done in %d ms, live threads %d -> peak %d%n",
                EXCHANGES, Duration.ofNanos(done - start).toMillis(), before, peak.get());
        assertThat(Duration.ofNanos(sent - start))
                .as("sending did not wait for the executions")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(done - start)).as("they ran side by side").isLessThan(Duration.ofSeconds(15));
        assertThat(peak.get() - before)
                .as("live threads added while 200 runs waited")
                .isLessThan(20);
        assertThat(executionsCreated()).isEqualTo(EXCHANGES + 1);
    }
}
