package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneConnectionException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When Dune did execute but its answer was lost (a 500 or a dropped connection after the work was done), camel-dune
 * does not execute again: one message, one billed execution, and an exception that says so. Slow answers are read
 * again once the response timeout passes.
 */
@Timeout(120)
class NoDuplicateExecutionTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES);
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&pollInitialDelay=20ms&pollInterval=20ms"
                                + "&responseTimeout=1500ms");
                from("direct:optIn")
                        .to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&retryExecuteOnServerError=true");
            }
        };
    }

    @Test
    void aLost500AnswerToAnExecuteIsNotSentAgain() {
        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        Exchange done = template.request("direct:execute", e -> {});
        assertThat(done.getException())
                .isInstanceOf(DuneServerException.class)
                .hasMessageContaining("may have been created");
        assertThat(executionsCreated()).as("Dune did execute it, once").isEqualTo(1);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aDroppedConnectionAfterAnExecuteIsNotSentAgain() {
        emulator()
                .faults()
                .add(Fault.reset().afterHandling().on(ApiEndpoint.EXECUTE).times(1));
        Exchange done = template.request("direct:execute", e -> {});
        assertThat(done.getException())
                .isInstanceOf(DuneConnectionException.class)
                .hasMessageContaining("may have been created");
        assertThat(executionsCreated()).isEqualTo(1);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void optingInCanBillTwiceAsDocumented() {
        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        Exchange done = template.request("direct:optIn", e -> {});
        assertThat(done.getException()).isNull();
        assertThat(executionsCreated())
                .as("the first attempt's execution exists too")
                .isEqualTo(2);
    }

    @Test
    void slowAndDroppedReadsAreReadAgain() {
        emulator()
                .faults()
                // past the response timeout, with room for a loaded machine's execute to answer within it
                .add(Fault.latency(Duration.ofMillis(4_000))
                        .on(ApiEndpoint.STATUS)
                        .times(1));
        emulator().faults().add(Fault.reset().on(ApiEndpoint.RESULTS).times(1));
        Exchange done = template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 3)));
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(List.class)).hasSize(3);
        assertThat(executionsCreated()).isEqualTo(1);
    }
}
