package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneConnectionException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reads are retried through transient failures; an execute is retried only where no execution can exist, unless the
 * user opts in, so one message never becomes two billed executions by accident.
 */
@Timeout(120)
class RetryTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES);
                from("direct:optIn")
                        .to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&retryExecuteOnServerError=true");
                from("direct:unreachable")
                        .to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&baseUrl=http://127.0.0.1:1/api");
            }
        };
    }

    @Test
    void readsAreRetriedThroughTransientFailures() {
        emulator()
                .faults()
                .add(Fault.status(503, "busy").on(ApiEndpoint.RESULTS).times(2));
        emulator()
                .faults()
                .add(Fault.status(429, "slow down")
                        .header("Retry-After", "0")
                        .on(ApiEndpoint.RESULTS)
                        .times(1));
        Exchange done = template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 4)));
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(List.class)).hasSize(4);
        assertThat(requests()).filteredOn(r -> r.path().endsWith("/results")).hasSize(4);
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void anExecuteRefusedWithA429IsSentAgain() {
        emulator()
                .faults()
                .add(Fault.status(429, "slow down").on(ApiEndpoint.EXECUTE).times(2));
        Exchange done = template.request("direct:execute", e -> {});
        assertThat(done.getException()).isNull();
        assertThat(requests()).hasSize(3);
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void anExecuteAfterA5xxIsNotSentAgainAndSaysTheExecutionMayExist() {
        emulator()
                .faults()
                .add(Fault.status(502, "bad gateway").on(ApiEndpoint.EXECUTE).times(1));
        Exchange done = template.request("direct:execute", e -> {});
        assertThat(done.getException())
                .isInstanceOf(DuneServerException.class)
                .hasMessageContaining("may have been created")
                .hasMessageContaining("not sent again");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void anExecuteAfterA5xxIsSentAgainOnlyWhenTheUserOptsIn() {
        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        Exchange done = template.request("direct:optIn", e -> {});
        assertThat(done.getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void aConnectionThatNeverOpenedIsTriedAgainThenReported() {
        Exchange done = template.request("direct:unreachable", e -> {});
        assertThat(done.getException())
                .isInstanceOf(DuneConnectionException.class)
                .hasMessageNotContaining("may have been created");
    }

    @Test
    void retriesAreWarnedOncePerBurstAndAFailureAfterRetriesCountsItsAttempts() {
        emulator().faults().add(Fault.status(503, "busy").on(ApiEndpoint.RESULTS));
        List<String> lines;
        Exchange done;
        try (LogCapture capture = new LogCapture()) {
            done = template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 4)));
            lines = capture.lines();
        }
        assertThat(done.getException())
                .isInstanceOf(DuneServerException.class)
                .hasMessageContaining("(after 4 attempts)");
        List<String> retries = lines.stream()
                .filter(l -> l.contains(".client.Sender Dune results failed with HTTP 503 (executionId="))
                .toList();
        assertThat(retries).hasSize(3).anyMatch(l -> l.contains("; attempt 2 of 4 in "));
        assertThat(lines.stream().filter(l -> l.startsWith("WARN ") && l.contains("Sender")))
                .as("one warning for the burst")
                .hasSizeLessThanOrEqualTo(1);
        assertThat(executionsCreated()).isEqualTo(1);
    }
}
