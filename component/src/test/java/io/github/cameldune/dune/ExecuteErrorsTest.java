package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneAuthenticationException;
import io.github.cameldune.dune.exception.DuneConnectionException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.exception.DunePaymentRequiredException;
import io.github.cameldune.dune.exception.DuneRateLimitException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every failure of {@code dune:execute} reaches the route's {@code onException} as a typed exception that carries the
 * HTTP status, Dune's message, the operation and the query id; bad input fails before any request is sent.
 */
@Timeout(120)
class ExecuteErrorsTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DuneInvalidInputException.class).handled(true).to("mock:invalid");
                onException(DuneApiException.class).handled(true).to("mock:failed");
                // no retries here: each failure must surface as it came (RetryTest covers retrying)
                from("direct:execute")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&maxRetries=0")
                        .to("mock:out");
                from("direct:wrongKey")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&apiKey=not-the-key")
                        .to("mock:out");
                from("direct:unreachable")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&baseUrl=http://127.0.0.1:1/api")
                        .to("mock:out");
            }
        };
    }

    @Test
    void eachHttpErrorIsItsOwnException() throws Exception {
        // a 400 and a 403 are DuneApiExceptions with their status: no route tells them apart by type
        assertFailure(
                400,
                DuneApiException.class,
                "unknown parameters (nope)",
                e -> e.getMessage().setBody(Map.of("nope", 1)));
        emulator()
                .faults()
                .add(Fault.status(402, Fault.PAYMENT_REQUIRED)
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        assertFailure(402, DunePaymentRequiredException.class, Fault.PAYMENT_REQUIRED, e -> {});
        emulator()
                .faults()
                .add(Fault.status(403, Fault.FORBIDDEN).on(ApiEndpoint.EXECUTE).times(1));
        assertFailure(403, DuneApiException.class, Fault.FORBIDDEN, e -> {});
        assertFailure(
                404,
                DuneNotFoundException.class,
                "Query not found",
                e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, 999999));
        emulator()
                .faults()
                .add(Fault.status(429, "Too many requests")
                        .header("Retry-After", "7")
                        .times(1));
        DuneRateLimitException limited = assertFailure(429, DuneRateLimitException.class, "Too many requests", e -> {});
        assertThat(limited.getRetryAfter()).hasSeconds(7);
        emulator()
                .faults()
                .add(Fault.status(429, "Too many requests")
                        .header("RateLimit", "\"write\";r=0;t=12")
                        .times(1));
        assertThat(assertFailure(429, DuneRateLimitException.class, "Too many requests", e -> {})
                        .getRetryAfter())
                .as("no Retry-After: the RateLimit reset")
                .hasSeconds(12);
        emulator().faults().add(Fault.status(500, Fault.INTERNAL_ERROR).times(1));
        assertFailure(500, DuneServerException.class, Fault.INTERNAL_ERROR, e -> {});
        emulator()
                .faults()
                .add(Fault.raw(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>")
                        .times(1));
        DuneServerException unavailable = assertFailure(503, DuneServerException.class, "Service Unavailable", e -> {});
        assertThat(unavailable.getMessage()).doesNotContain("<html>");
        assertThat(getMockEndpoint("mock:out").getReceivedCounter()).isZero();
    }

    @Test
    void aWrongKeyIsAnAuthenticationFailure() throws Exception {
        DuneApiException e = failureOf("direct:wrongKey");
        assertThat(e).isInstanceOf(DuneAuthenticationException.class);
        assertThat(e.getHttpResponseCode()).isEqualTo(401);
        assertThat(e.getDuneError()).isEqualTo("invalid API Key");
        assertThat(e.getMessage()).doesNotContain("not-the-key");
    }

    @Test
    void noAnswerIsAConnectionFailure() throws Exception {
        DuneApiException e = failureOf("direct:unreachable");
        assertThat(e).isInstanceOf(DuneConnectionException.class);
        assertThat(e.getHttpResponseCode()).isZero();
        assertThat(e.getMessage())
                .startsWith("Dune execute got no answer (queryId=" + SampleQuery.DAILY_DEX_VOLUME + ")");
    }

    @Test
    void badInputFailsBeforeAnyRequest() throws Exception {
        List<Consumer<Exchange>> badInputs = List.of(
                e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, 0),
                e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, -5),
                e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, "12a"),
                e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, 1.5),
                e -> e.getMessage().setHeader(DuneConstants.PERFORMANCE, "huge"),
                e -> e.getMessage().setBody("not json"),
                e -> e.getMessage().setBody("[1, 2]"),
                e -> e.getMessage().setBody(42),
                e -> e.getMessage().setHeader(DuneConstants.QUERY_PARAMETERS, "blockchain=base"),
                e -> e.getMessage().setBody(Map.of("nested", Map.of("a", 1))));
        MockEndpoint invalid = getMockEndpoint("mock:invalid");
        invalid.expectedMessageCount(badInputs.size());
        for (Consumer<Exchange> input : badInputs) {
            template.send("direct:execute", input::accept);
        }
        invalid.assertIsSatisfied();
        assertThat(requests()).as("nothing was sent").isEmpty();
        List<String> messages = invalid.getReceivedExchanges().stream()
                .map(e -> e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                        .getMessage())
                .toList();
        assertThat(messages)
                .satisfiesExactly(
                        m -> assertThat(m).isEqualTo("The query id must be a positive number, was 0"),
                        m -> assertThat(m).isEqualTo("The query id must be a positive number, was -5"),
                        m -> assertThat(m).isEqualTo("The query id must be a positive number, was '12a'"),
                        m -> assertThat(m).isEqualTo("The query id must be a positive number, was '1.5'"),
                        m -> assertThat(m)
                                .isEqualTo(
                                        "Invalid CamelDunePerformance header 'huge': expected small, medium or large"),
                        m -> assertThat(m).startsWith("The message body is not a JSON object of query parameters"),
                        m -> assertThat(m)
                                .isEqualTo("The message body must be a JSON object of query parameters, was a "
                                        + "JSON array"),
                        m -> assertThat(m).contains("java.lang.Integer").contains("cannot be query parameters"),
                        m -> assertThat(m)
                                .contains(DuneConstants.QUERY_PARAMETERS)
                                .contains("must be a Map"),
                        m -> assertThat(m).contains("'nested' is a map"));
    }

    @Test
    void aMissingQueryIdSaysWhereToSetIt() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:noId").to("dune:execute");
            }
        });
        Exchange done = template.send("direct:noId", e -> {});
        assertThat(done.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("No query id: set queryId on the endpoint or the CamelDuneQueryId header");
        assertThat(requests()).isEmpty();
    }

    private <T extends DuneApiException> T assertFailure(
            int status, Class<T> type, String duneError, Consumer<Exchange> input) throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.reset();
        failed.expectedMessageCount(1);
        template.send("direct:execute", input::accept);
        failed.assertIsSatisfied();
        DuneApiException e = caught(failed.getReceivedExchanges().get(0));
        assertThat(e).isInstanceOf(type);
        assertThat(e.getHttpResponseCode()).isEqualTo(status);
        assertThat(e.getDuneError()).contains(duneError);
        assertThat(e.getOperation()).isEqualTo("execute");
        assertThat(e.getQueryId()).isNotNull();
        assertThat(e.getMessage())
                .startsWith("Dune execute failed with HTTP " + status + " (queryId=")
                .doesNotContain(emulator().apiKey());
        return type.cast(e);
    }

    /** Sends an empty message and returns what the route's onException received. */
    private DuneApiException failureOf(String uri) throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        template.sendBody(uri, null);
        failed.assertIsSatisfied();
        return caught(failed.getReceivedExchanges().get(0));
    }

    private static DuneApiException caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DuneApiException.class);
    }
}
