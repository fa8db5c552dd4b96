package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.engine.Execution;
import io.github.cameldune.emulator.faults.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2,000 {@code run} exchanges (or {@code -Dsoak.exchanges}: {@code mvn -Psoak verify} runs 100,000) while about a tenth of the requests fail in every way the emulator knows: each exchange
 * ends with its own correct rows or with a typed exception at the route's error handler; messages in equal messages
 * out; and no exchange ever caused two executions (each runs the query with its own {@code start}, so the emulator's
 * executions can be counted per exchange).
 */
@Timeout(600)
class FaultSoakIT extends DuneTestSupport {

    private static final int EXCHANGES = Integer.getInteger("soak.exchanges", 2_000);
    private static final int IN_FLIGHT = 50;

    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();

    @AfterEach
    void restore() {
        emulator().settings().maxConcurrent(3);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().logExhausted(false));
                onException(DuneException.class).handled(true).process(e -> failed.incrementAndGet());
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&pollInitialDelay=5ms&pollInterval=5ms&maxPollInterval=50ms"
                                + "&waitTimeout=20s&responseTimeout=2s&retryInitialDelay=5ms&retryMaxDelay=50ms")
                        .process(e -> {
                            int start = e.getMessage().getHeader("start", Integer.class);
                            List<?> rows = e.getMessage().getBody(List.class);
                            assertThat(rows).hasSize(2);
                            assertThat(((Map<?, ?>) rows.get(0)).get("number")).isEqualTo(start);
                            succeeded.incrementAndGet();
                        });
            }
        };
    }

    @Test
    void everyExchangeEndsCorrectlyAndNoneIsExecutedTwice() throws Exception {
        emulator().settings().maxConcurrent(IN_FLIGHT);
        double each = 0.01;
        emulator()
                .faults()
                .add(Fault.status(429, "Too many requests")
                        .header("Retry-After", "0")
                        .on(ApiEndpoint.EXECUTE)
                        .rate(each))
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .on(ApiEndpoint.EXECUTE)
                        .rate(each))
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.EXECUTE)
                        .rate(each))
                .add(Fault.reset().afterHandling().on(ApiEndpoint.EXECUTE).rate(each))
                .add(Fault.status(503, "busy").on(ApiEndpoint.STATUS).rate(each))
                .add(Fault.reset().on(ApiEndpoint.STATUS).rate(each))
                .add(Fault.latency(Duration.ofMillis(50)).on(ApiEndpoint.STATUS).rate(each))
                .add(Fault.status(502, "bad gateway").on(ApiEndpoint.RESULTS).rate(each))
                .add(Fault.raw(200, "application/json", "{\"execution_id\":\"01HKZ")
                        .on(ApiEndpoint.RESULTS)
                        .rate(each))
                .add(Fault.raw(502, "text/html", "<html><h1>502</h1></html>").rate(each));
        long startNanos = System.nanoTime();
        AsyncProducer sender = context.getEndpoint("direct:run").createAsyncProducer();
        sender.start();
        List<CompletableFuture<Exchange>> window = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader("start", i * 10);
            exchange.getMessage().setBody(Map.of("start", i * 10, "row_count", 2));
            window.add(sender.processAsync(exchange));
            if (window.size() == IN_FLIGHT) {
                for (CompletableFuture<Exchange> f : window) {
                    f.get(60, TimeUnit.SECONDS);
                }
                window.clear();
            }
        }
        for (CompletableFuture<Exchange> f : window) {
            f.get(60, TimeUnit.SECONDS);
        }
        sender.stop();
        long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;

        Map<String, Integer> perExchange = new HashMap<>();
        long created = 0;
        for (int i = 0; i < EXCHANGES; i++) {
            perExchange.put(String.valueOf(i * 10), 0);
        }
        for (Execution e : executionsOf1005()) {
            perExchange.merge(e.parameters().get("start"), 1, Integer::sum);
            created++;
        }
        long requests = emulator().requestCount();
        System.out.printf(
                "soak: %d exchanges in %.1f s (%.0f/s), %d with rows, %d typed failures, %d executions, "
                        + "%d requests, %d executions counted twice%n",
                EXCHANGES,
                elapsedMillis / 1000.0,
                EXCHANGES * 1000.0 / Math.max(1, elapsedMillis),
                succeeded.get(),
                failed.get(),
                created,
                requests,
                perExchange.values().stream().filter(n -> n > 1).count());
        assertThat(succeeded.get() + failed.get())
                .as("messages in = messages out")
                .isEqualTo(EXCHANGES);
        assertThat(perExchange.values())
                .as("no exchange executed twice")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1));
        assertThat(created).isEqualTo(executionsCreated());
        assertThat(succeeded.get()).as("most get through the faults").isGreaterThan(EXCHANGES * 8 / 10);
        assertThat(failed.get())
                .as("some faults cannot be retried away (a lost execute)")
                .isPositive();
    }

    private List<Execution> executionsOf1005() {
        return emulator().engine().executions().stream()
                .filter(e -> e.queryId() == 1005)
                .toList();
    }
}
