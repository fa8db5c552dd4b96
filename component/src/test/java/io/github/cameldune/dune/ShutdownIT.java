package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneShutdownException;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stop that Camel's shutdown timeout forces ends every exchange still waiting with a typed exception carrying its
 * execution id, the error handler sees each, and with cancelOnTimeout the executions are cancelled on Dune.
 */
@Timeout(600)
class ShutdownIT extends DuneTestSupport {

    private static final int RUNS = 500;
    private final Set<String> seenByErrorHandler = ConcurrentHashMap.newKeySet();

    @AfterEach
    void restore() {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ZERO);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DuneException.class)
                        .handled(false)
                        .process(e ->
                                seenByErrorHandler.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, DuneException.class)
                                        .getExecutionId()));
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                                + "&cancelOnTimeout=true&waitTimeout=5m");
                from("dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                                + "&delay=600000&initialDelay=0&pollInitialDelay=50ms&pollInterval=50ms")
                        .routeId("refresh")
                        .autoStartup(false)
                        .to("mock:rows");
            }
        };
    }

    @Test
    void aForcedStopEndsEveryWaitTypedAndCancelsTheExecutions() throws Exception {
        emulator().settings().maxConcurrent(RUNS);
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(60));
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            sent.add(template.asyncSend("direct:run", new DefaultExchange(context)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> emulator().executionsCreated() >= RUNS);
        assertThat(emulator().executionsCreated()).isEqualTo(RUNS);

        // the figure: a 10 s shutdown timeout, as an operator would set it
        context.getShutdownStrategy().setTimeout(10);
        context.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        long start = System.nanoTime();
        context.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (CompletableFuture<Exchange> f : sent) {
            Exchange done = f.get(10, TimeUnit.SECONDS);
            assertThat(done.getException()).isInstanceOf(DuneShutdownException.class);
            String id = ((DuneShutdownException) done.getException()).getExecutionId();
            assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_ID)).isEqualTo(id);
            ids.add(id);
        }
        long cancelled = emulator().engine().executions().stream()
                .filter(e -> e.snapshot().state().wireName().equals("QUERY_STATE_CANCELLED"))
                .count();
        System.out.printf(
                "shutdown: %d runs ended typed, %d seen by the error handler, %d cancelled, stop took %d ms%n",
                ids.size(), seenByErrorHandler.size(), cancelled, stopMillis);
        assertThat(ids).hasSize(RUNS);
        assertThat(seenByErrorHandler).isEqualTo(ids);
        assertThat(cancelled).isEqualTo(RUNS);
    }

    @Test
    void aConsumerStoppedGracefullyWaitsForItsRow() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(2));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        context.getRouteController().startRoute("refresh");
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator().executionsCreated() >= 1);
        context.getShutdownStrategy().setTimeout(20);
        context.stop();
        assertThat(rows.getReceivedCounter())
                .as("the row of the run in progress")
                .isEqualTo(1);
        assertThat(seenByErrorHandler).isEmpty();
    }

    @Test
    void aConsumerWhoseStopIsForcedEndsItsRunTyped() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(60));
        MockEndpoint rows = getMockEndpoint("mock:rows");
        context.getRouteController().startRoute("refresh");
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator().executionsCreated() >= 1);
        context.getShutdownStrategy().setTimeout(3);
        long start = System.nanoTime();
        context.stop();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThan(8_000);
        assertThat(rows.getReceivedCounter()).isZero();
        assertThat(seenByErrorHandler)
                .as("the error handler saw the run's end, with its execution id")
                .hasSize(1);
        assertThat(seenByErrorHandler.iterator().next()).isNotNull();
    }

    @Test
    void anEndpointMadeButNeverStartedRefusesBeforeSending() throws Exception {
        // what a toD gets when it makes an endpoint while Camel stops
        DuneEndpoint never = (DuneEndpoint)
                context.getComponent("dune").createEndpoint("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME);
        emulator().clearRequests();
        Exchange exchange = new DefaultExchange(context);
        never.createProducer().process(exchange);
        assertThat(exchange.getException())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dune:execute is not started")
                .hasMessageContaining("nothing was sent");
        assertThat(requests()).isEmpty();
    }
}
