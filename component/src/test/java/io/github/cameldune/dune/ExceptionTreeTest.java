package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneExecutionException;
import io.github.cameldune.dune.exception.DuneExecutionFailedException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.HttpResponseAware;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reference's advice, {@code onException(DuneException.class)}, catches every kind of failure: bad input, a failed
 * call and an execution that ended badly or not in time; execution outcomes carry no HTTP status.
 */
@Timeout(120)
class ExceptionTreeTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DuneException.class).handled(true).to("mock:caught");
                from("direct:run").to("dune:run?pollInitialDelay=20ms&pollInterval=20ms&waitTimeout=300ms");
            }
        };
    }

    @Test
    void oneCatchAllCatchesEveryKind() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(3));
        MockEndpoint caught = getMockEndpoint("mock:caught");
        caught.expectedMessageCount(4);
        template.send("direct:run", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, "abc"));
        template.send("direct:run", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, 999999));
        template.send("direct:run", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, 1008));
        template.send("direct:run", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, 1001));
        caught.assertIsSatisfied();

        List<Exception> failures = caught.getReceivedExchanges().stream()
                .map(e -> e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .toList();
        assertThat(failures)
                .satisfiesExactly(
                        e -> assertThat(e)
                                .isInstanceOf(DuneInvalidInputException.class)
                                .isNotInstanceOf(IllegalArgumentException.class),
                        e -> assertThat(e)
                                .isInstanceOf(DuneNotFoundException.class)
                                .isInstanceOf(HttpResponseAware.class)
                                .extracting(f -> ((DuneApiException) f).getHttpResponseCode())
                                .isEqualTo(404),
                        e -> assertThat(e).isInstanceOf(DuneExecutionFailedException.class),
                        e -> assertThat(e).isInstanceOf(DuneTimeoutException.class));
        for (Exception outcome : List.of(failures.get(2), failures.get(3))) {
            assertThat(outcome)
                    .as("an execution outcome is no failed call")
                    .isInstanceOf(DuneExecutionException.class)
                    .isNotInstanceOf(HttpResponseAware.class)
                    .isNotInstanceOf(DuneApiException.class);
            assertThat(((DuneException) outcome).getExecutionId()).isNotNull();
        }
        assertThat(executionsCreated())
                .as("the bad id and the unknown query started nothing")
                .isEqualTo(2);
    }
}
