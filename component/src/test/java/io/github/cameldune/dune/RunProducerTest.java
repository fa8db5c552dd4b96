package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneExecutionCancelledException;
import io.github.cameldune.dune.exception.DuneExecutionExpiredException;
import io.github.cameldune.dune.exception.DuneExecutionFailedException;
import io.github.cameldune.dune.exception.DunePartialResultException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dune:run}: execute, wait without a thread, fetch; every terminal state, the timeout, and what was sent. */
@Timeout(120)
class RunProducerTest extends DuneTestSupport {

    private static final String FAST = "pollInitialDelay=20ms&pollInterval=20ms";

    @AfterEach
    void restore() {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ZERO);
        emulator().setMaxResultRows(SampleQuery.NUMBER_SERIES.id(), null);
        emulator().settings().retention(Duration.ofDays(90));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DuneException.class).handled(true).to("mock:failed");
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&" + FAST)
                        .to("mock:out");
                from("direct:broken")
                        .to("dune:run?queryId=" + SampleQuery.BROKEN + "&" + FAST)
                        .to("mock:out");
                from("direct:slow")
                        .to("dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&waitTimeout=300ms&" + FAST)
                        .to("mock:out");
                from("direct:slowCancel")
                        .to("dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                                + "&waitTimeout=300ms&cancelOnTimeout=true&" + FAST)
                        .to("mock:out");
                from("direct:partial")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&allowPartialResults=true&" + FAST)
                        .to("mock:out");
                from("direct:csv")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&outputType=csv&" + FAST)
                        .to("mock:out");
                from("direct:sql").to("dune:run?" + FAST).to("mock:out");
                from("direct:sync")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&synchronous=true&" + FAST)
                        .process(e -> e.getMessage()
                                .setHeader("continuedOn", Thread.currentThread().getName()));
                from("direct:syncBroken").to("dune:run?queryId=" + SampleQuery.BROKEN + "&synchronous=true&" + FAST);
            }
        };
    }

    @Test
    void runExecutesWaitsAndReturnsTheRows() throws Exception {
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ofMillis(300));
        try {
            Exchange done = template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 3)));
            assertThat(done.getException()).isNull();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = done.getMessage().getBody(List.class);
            assertThat(rows).extracting(r -> r.get("label")).containsExactly("row-0", "row-1", "row-2");
            assertThat(done.getMessage().getHeaders())
                    .containsEntry(DuneConstants.STATE, "QUERY_STATE_COMPLETED")
                    .containsEntry(DuneConstants.TOTAL_ROW_COUNT, 3L)
                    .containsKey(DuneConstants.ENDED_AT);
            List<RecordedRequest> sent = requests();
            assertThat(sent.get(0).path()).isEqualTo("/api/v1/query/" + SampleQuery.NUMBER_SERIES + "/execute");
            assertThat(sent.get(0).body()).isEqualTo("{\"query_parameters\":{\"row_count\":3}}");
            String id = done.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class);
            assertThat(sent.subList(1, sent.size() - 1))
                    .as("status polls while it runs")
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/execution/" + id + "/status"));
            assertThat(sent.get(sent.size() - 1).path()).isEqualTo("/api/v1/execution/" + id + "/results");
            assertThat(executionsCreated()).isEqualTo(1);
        } finally {
            emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ZERO);
        }
    }

    @Test
    void synchronousContinuesOnTheCallersThreadAndStillFailsToTheErrorHandler() throws Exception {
        Exchange done = template.request("direct:sync", e -> e.getMessage().setBody(Map.of("row_count", 2)));
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(List.class)).hasSize(2);
        assertThat(done.getMessage().getHeader("continuedOn"))
                .isEqualTo(Thread.currentThread().getName());

        template.send("direct:syncBroken", e -> {});
        assertThat(getMockEndpoint("mock:failed").getReceivedExchanges())
                .singleElement()
                .satisfies(e -> assertThat(e.getException(DuneExecutionFailedException.class))
                        .isNull())
                .satisfies(e -> assertThat(e.getProperty(Exchange.EXCEPTION_CAUGHT))
                        .isInstanceOf(DuneExecutionFailedException.class));
    }

    @Test
    void aQueryRunAgainIsPolledOnceNearTheEndItTookLastTime() throws Exception {
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ofMillis(600));
        template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 1)));
        long firstPolls =
                requests().stream().filter(r -> r.path().endsWith("/status")).count();
        emulator().clearRequests();

        Exchange again = template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 1)));
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(List.class)).hasSize(1);
        long secondPolls =
                requests().stream().filter(r -> r.path().endsWith("/status")).count();
        assertThat(firstPolls).as("first run: polled every 20 ms").isGreaterThan(5);
        assertThat(secondPolls).as("second run: one poll at the expected end").isEqualTo(1);
    }

    @Test
    void aFailedExecutionCarriesDunesErrorAndTheIdReachesTheErrorHandler() throws Exception {
        DuneExecutionFailedException e = failure("direct:broken", DuneExecutionFailedException.class);
        assertThat(e.getErrorType()).isEqualTo("FAILED_TYPE_EXECUTION_FAILED");
        assertThat(e.getError().message()).contains("\"x\"");
        assertThat(e.getLine()).isEqualTo(1);
        assertThat(e.getState().value()).isEqualTo("QUERY_STATE_FAILED");
        Exchange failed = getMockEndpoint("mock:failed").getReceivedExchanges().get(0);
        assertThat(failed.getMessage().getHeader(DuneConstants.EXECUTION_ID)).isEqualTo(e.getExecutionId());
        assertThat(failed.getMessage().getHeader(DuneConstants.STATE)).isEqualTo("QUERY_STATE_FAILED");
    }

    @Test
    void aCancelledExecutionFails() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(3));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:toCancel").to("dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&" + FAST);
            }
        });
        // cancelled on Dune once the run polls its status
        java.util.concurrent.CompletableFuture<Void> canceller = java.util.concurrent.CompletableFuture.runAsync(() -> {
            String id = await().atMost(java.time.Duration.ofSeconds(10))
                    .until(
                            () -> emulator().requests().stream()
                                    .filter(r -> r.path().endsWith("/status"))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow()
                    .path()
                    .split("/")[4];
            emulator().engine().cancel(emulator().engine().find(id).orElseThrow());
        });
        Exchange done = template.request("direct:toCancel", e -> {});
        canceller.join();
        assertThat(done.getException())
                .isInstanceOf(DuneExecutionCancelledException.class)
                .hasMessageContaining("was cancelled");
    }

    @Test
    void anExpiredExecutionFails() throws Exception {
        emulator().settings().retention(Duration.ofMillis(1));
        DuneExecutionExpiredException e = failure("direct:run", DuneExecutionExpiredException.class);
        assertThat(e.getMessage()).contains("expired");
    }

    @Test
    void aPartialResultFailsUnlessAllowed() throws Exception {
        emulator().setMaxResultRows(SampleQuery.NUMBER_SERIES.id(), 5L);
        DunePartialResultException e = failure("direct:run", DunePartialResultException.class, Map.of("row_count", 8));
        assertThat(e.getMessage()).contains("allowPartialResults=true").contains(e.getExecutionId());
        Exchange partial =
                template.request("direct:partial", x -> x.getMessage().setBody(Map.of("row_count", 8)));
        assertThat(partial.getMessage().getBody(List.class)).hasSize(5);
        assertThat(partial.getMessage().getHeader(DuneConstants.STATE)).isEqualTo("QUERY_STATE_COMPLETED_PARTIAL");
        assertThat(requests().get(requests().size() - 1).queryParameter("allow_partial_results"))
                .isEqualTo("true");
    }

    @Test
    void aTimeoutNeverExecutesAgain() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(3));
        DuneTimeoutException e = failure("direct:slow", DuneTimeoutException.class);
        assertThat(e.isCancelled()).isFalse();
        assertThat(e.getMessage()).contains(e.getExecutionId()).contains("may still be running");
        assertThat(e.getWaited()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(executionsCreated()).isEqualTo(1);
        assertThat(requests()).filteredOn(r -> r.path().endsWith("/execute")).hasSize(1);
        assertThat(emulator()
                        .engine()
                        .find(e.getExecutionId())
                        .orElseThrow()
                        .state()
                        .wireName())
                .isEqualTo("QUERY_STATE_EXECUTING");
    }

    @Test
    void cancelOnTimeoutCancelsTheExecution() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(3));
        DuneTimeoutException e = failure("direct:slowCancel", DuneTimeoutException.class);
        assertThat(e.isCancelled()).isTrue();
        assertThat(emulator()
                        .engine()
                        .find(e.getExecutionId())
                        .orElseThrow()
                        .state()
                        .wireName())
                .isEqualTo("QUERY_STATE_CANCELLED");
        assertThat(requests()).filteredOn(r -> r.path().endsWith("/cancel")).hasSize(1);
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void unknownStatesAndTransientStatusFailuresAreWaitedThrough() throws Exception {
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ofMillis(300));
        try {
            emulator()
                    .faults()
                    .add(Fault.raw(
                                    200,
                                    "application/json",
                                    "{\"execution_id\":\"01HKZJ2683PHF9Q9PHHQ8FW4Q1\","
                                            + "\"state\":\"QUERY_STATE_SOMETHING_NEW\",\"is_execution_finished\":false}")
                            .on(ApiEndpoint.STATUS)
                            .times(2));
            emulator()
                    .faults()
                    .add(Fault.status(503, "busy").on(ApiEndpoint.STATUS).times(1));
            Exchange done = template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", 2)));
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(List.class)).hasSize(2);
            assertThat(executionsCreated()).isEqualTo(1);
        } finally {
            emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ZERO);
        }
    }

    @Test
    void runCanHandBackCsv() throws Exception {
        Exchange done = template.request("direct:csv", e -> e.getMessage().setBody("{\"row_count\": 2}"));
        String csv = new String(done.getMessage().getBody(InputStream.class).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("number,label,")
                .contains("\n0,row-0,")
                .contains("\n1,row-1,")
                .endsWith("\n");
    }

    @Test
    void runWithSqlUsesExecuteSql() throws Exception {
        Exchange done =
                template.request("direct:sql", e -> e.getMessage().setHeader(DuneConstants.SQL, "select 85 as result"));
        assertThat(done.getMessage().getBody(List.class)).containsExactly(Map.of("result", 85));
        assertThat(requests().get(0).path()).isEqualTo("/api/v1/sql/execute");
    }

    private <T extends DuneException> T failure(String uri, Class<T> type) throws Exception {
        return failure(uri, type, null);
    }

    private <T extends DuneException> T failure(String uri, Class<T> type, Object body) throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        template.sendBody(uri, body);
        failed.assertIsSatisfied();
        Exception e = failed.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(e).isInstanceOf(type);
        return type.cast(e);
    }
}
