package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code from("dune:latestResults")} emits each new result once, stays silent otherwise (across restarts with an
 * idempotent repository), and {@code from("dune:run")} is a scheduled refresh; failed polls reach the route's error
 * handler and polling goes on.
 */
@Timeout(120)
class ConsumerTest extends DuneTestSupport {

    private final MemoryIdempotentRepository seen = new MemoryIdempotentRepository();

    @AfterEach
    void restore() {
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ZERO);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("seen", seen);
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:errors");
                from("dune:latestResults?queryId=" + SampleQuery.BLOCKS_IN_RANGE
                                + "&param.to_block=19000001&delay=50&initialDelay=0" + "&idempotentRepository=#seen")
                        .routeId("latest")
                        .autoStartup(false)
                        .to("mock:latest");
                from("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&param.row_count=2&delay=50&initialDelay=0&pollInitialDelay=20ms"
                                + "&pollInterval=20ms")
                        .routeId("refresh")
                        .autoStartup(false)
                        .to("mock:refresh");
            }
        };
    }

    @Test
    void latestResultsEmitsEachNewResultOnce() throws Exception {
        MockEndpoint latest = getMockEndpoint("mock:latest");
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMinimumMessageCount(1);
        context.getRouteController().startRoute("latest");
        errors.assertIsSatisfied();
        assertThat(errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .as("no result yet: the poll fails into the route's error handler")
                .isInstanceOf(DuneNotFoundException.class);

        String first = finishedExecution(SampleQuery.BLOCKS_IN_RANGE.id(), Map.of("to_block", 19000001));
        latest.expectedMessageCount(1);
        latest.assertIsSatisfied();
        Exchange emitted = latest.getReceivedExchanges().get(0);
        assertThat(emitted.getMessage().getHeader(DuneConstants.EXECUTION_ID)).isEqualTo(first);
        assertThat(emitted.getMessage().getBody(List.class)).hasSize(2);

        // about time: several polls, every 50 ms, emit nothing new
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(3))
                .until(() -> latest.getReceivedCounter() == 1);

        String second = finishedExecution(SampleQuery.BLOCKS_IN_RANGE.id(), Map.of("to_block", 19000001));
        await().atMost(Duration.ofSeconds(5)).until(() -> latest.getReceivedCounter() >= 2);
        assertThat(latest.getReceivedCounter()).as("a new execution: emitted").isEqualTo(2);
        assertThat(latest.getReceivedExchanges().get(1).getMessage().getHeader(DuneConstants.EXECUTION_ID))
                .isEqualTo(second);

        context.getRouteController().stopRoute("latest");
        context.getRouteController().startRoute("latest");
        // about time: several polls after the restart emit nothing
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(3))
                .until(() -> latest.getReceivedCounter() == 2);
        assertThat(latest.getReceivedCounter())
                .as("restarted with the repository: still silent")
                .isEqualTo(2);
        assertThat(seen.contains(first)).isTrue();
    }

    @Test
    void runIsAScheduledRefreshThatNeverOverlaps() throws Exception {
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ofMillis(400));
        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        MockEndpoint refresh = getMockEndpoint("mock:refresh");
        refresh.expectedMinimumMessageCount(2);
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);
        context.getRouteController().startRoute("refresh");
        refresh.assertIsSatisfied();
        context.getRouteController().stopRoute("refresh");

        errors.assertIsSatisfied();
        assertThat(errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(DuneServerException.class);
        assertThat(refresh.getReceivedExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getBody(List.class)).hasSize(2);
            assertThat(e.getMessage().getHeader(DuneConstants.STATE)).isEqualTo("QUERY_STATE_COMPLETED");
        });
        long executes =
                requests().stream().filter(r -> r.path().endsWith("/execute")).count();
        assertThat(executes)
                .as("one execute per emitted result, plus the one that failed, none overlapping")
                .isLessThanOrEqualTo(refresh.getReceivedCounter() + 2);
        assertThat(executionsCreated()).isLessThanOrEqualTo(refresh.getReceivedCounter() + 1);
    }
}
