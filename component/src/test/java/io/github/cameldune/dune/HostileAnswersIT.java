package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneAuthenticationException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.util.Iterator;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers no well-behaved Dune sends, as proxies and broken deployments do, in a JVM of 256 MB (failsafe): each
 * exchange still ends, typed and soon, the key a server echoes goes no further, and after each the next exchange on
 * the same component succeeds.
 */
@Timeout(600)
class HostileAnswersIT extends DuneTestSupport {

    private static final String PAGE = "{\"execution_id\":\"%s\",\"query_id\":1005,\"state\":\"QUERY_STATE_COMPLETED\","
            + "\"is_execution_finished\":true,\"result\":{\"rows\":[{\"number\":1}],\"metadata\":{\"column_names\":"
            + "[\"number\"],\"column_types\":[\"integer\"],\"total_row_count\":%d}},%s}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").to("dune:status");
                from("direct:all").to("dune:results?fetchAll=true");
                from("direct:stream").to("dune:results?outputType=stream");
                from("direct:fine").to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME);
                from("direct:bounded")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&waitTimeout=3s&pollInitialDelay=100ms");
                from("direct:boundedCancel")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&waitTimeout=3s&pollInitialDelay=100ms&cancelOnTimeout=true");
            }
        };
    }

    @AfterEach
    void theNextExchangeOnTheSameComponentSucceeds() {
        emulator().faults().clear();
        assertThat(template.request("direct:fine", e -> {}).getException()).isNull();
    }

    @Test
    void aRetryAfterOfADayOrOfLongMaxOrOfTheYear9999IsCappedByRetryMaxDelay() {
        String id = "01HKZJ2683PHF9Q9PHHQ8FW4Q1";
        for (String retryAfter : java.util.List.of(
                "86400", "9223372036854775807", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT")) {
            emulator()
                    .faults()
                    .add(Fault.status(429, "slow down")
                            .header("Retry-After", retryAfter)
                            .on(ApiEndpoint.STATUS)
                            .times(1));
            long start = System.nanoTime();
            Exchange done =
                    template.request("direct:status", e -> e.getMessage().setBody(id));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(done.getException()).as(retryAfter).isInstanceOf(DuneApiException.class);
            assertThat(((DuneApiException) done.getException()).getHttpResponseCode())
                    .as("the retry happened and found no such execution")
                    .isEqualTo(404);
            assertThat(millis).as("retryMaxDelay is 100 ms here").isLessThan(3_000);
        }
    }

    @Test
    void aKeyTheServerEchoesIsMaskedInTheException() {
        emulator()
                .faults()
                .add(Fault.status(401, "invalid API Key " + emulator().apiKey() + " for this account")
                        .on(ApiEndpoint.STATUS)
                        .times(1));
        Exchange done = template.request("direct:status", e -> e.getMessage().setBody("01HKZJ2683PHF9Q9PHHQ8FW4Q1"));
        assertThat(done.getException())
                .isInstanceOf(DuneAuthenticationException.class)
                .hasMessageContaining("invalid API Key xxxxxx for this account")
                .hasMessageNotContaining(emulator().apiKey());
    }

    @Test
    void aNextPageOnlyAtAnotherOriginEndsTypedAndNothingIsSentThere() throws Exception {
        String id = finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", 3));
        emulator()
                .faults()
                .add(Fault.raw(
                                200,
                                "application/json",
                                PAGE.formatted(
                                        id, 3, "\"next_uri\":\"http://198.51.100.7:9/api/v1/execution/x/results\""))
                        .on(ApiEndpoint.RESULTS)
                        .times(1));
        Exchange done = template.request("direct:all", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        assertThat(done.getException())
                .isInstanceOf(DuneApiException.class)
                .hasMessageContaining("outside the API")
                .hasMessageContaining(id);
    }

    @Test
    void aNextPointerThatDoesNotMoveOnEndsTheStream() throws Exception {
        String id = finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", 3));
        String self = emulator().baseUrl() + "/v1/execution/" + id + "/results?offset=1";
        emulator()
                .faults()
                .add(Fault.raw(
                                200,
                                "application/json",
                                PAGE.formatted(id, 1000, "\"next_offset\":1,\"next_uri\":\"" + self + "\""))
                        .on(ApiEndpoint.RESULTS));
        Exchange done =
                template.request("direct:stream", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        assertThat(done.getException()).isNull();
        Iterator<?> rows = done.getMessage().getBody(Iterator.class);
        int read = 0;
        try {
            while (rows.hasNext()) {
                rows.next();
                read++;
            }
            throw new AssertionError("the stream did not end");
        } catch (DuneApiException e) {
            assertThat(e).hasMessageContaining("makes no progress");
        }
        assertThat(read).as("the first page, not the same rows forever").isEqualTo(1);

        Exchange all = template.request("direct:all", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        assertThat(all.getException()).hasMessageContaining("makes no progress");
        assertThat(requests()).as("two requests each, not thousands").hasSize(4);
    }

    @Test
    void moreRowsThanTheResultHoldsEndTheResult() throws Exception {
        String id = finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", 3));
        String next = emulator().baseUrl() + "/v1/execution/" + id + "/results?offset=";
        emulator()
                .faults()
                .add(Fault.raw(
                                200,
                                "application/json",
                                PAGE.formatted(id, 1, "\"next_offset\":1," + "\"next_uri\":\"" + next + "1\""))
                        .on(ApiEndpoint.RESULTS)
                        .times(1));
        emulator()
                .faults()
                .add(Fault.raw(
                                200,
                                "application/json",
                                PAGE.formatted(id, 1, "\"next_offset\":2," + "\"next_uri\":\"" + next + "2\""))
                        .on(ApiEndpoint.RESULTS)
                        .times(1));
        Exchange all = template.request("direct:all", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        assertThat(all.getException()).hasMessageContaining("more rows (2) than the result (1)");
    }

    @Test
    void waitTimeoutBoundsARunWhoseStatusAnswersComeAfterTenSeconds() {
        emulator().faults().add(Fault.latency(java.time.Duration.ofSeconds(10)).on(ApiEndpoint.STATUS));
        for (String route : java.util.List.of("direct:bounded", "direct:boundedCancel")) {
            long start = System.nanoTime();
            Exchange done = template.request(route, e -> {});
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("bounded wait %s: %s after %d ms%n", route, done.getException(), millis);
            assertThat(done.getException())
                    .as(route)
                    .isInstanceOf(DuneTimeoutException.class)
                    .hasMessageContaining("no status received");
            // waitTimeout, the one second a status request in flight may still take, and the cancel's own bound
            assertThat(millis).as(route).isLessThan(route.endsWith("Cancel") ? 3_000 + 1_000 + 5_000 : 4_500);
        }
    }
}
