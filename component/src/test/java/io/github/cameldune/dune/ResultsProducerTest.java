package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneExecutionFailedException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.SampleQuery;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** status, results in every output type, resultsCsv, cancel and executeSql, and the requests they send. */
@Timeout(120)
class ResultsProducerTest extends DuneTestSupport {

    @BeforeEach
    void smallPages() {
        emulator().settings().maxPageSize(10);
    }

    @AfterEach
    void restore() {
        emulator().settings().maxPageSize(30_000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").to("dune:status");
                from("direct:rows").to("dune:results");
                from("direct:all").to("dune:results?fetchAll=true");
                from("direct:json").to("dune:results?outputType=json&limit=4");
                from("direct:stream")
                        .to("dune:results?outputType=stream")
                        .split(body())
                        .streaming()
                        .to("mock:row");
                from("direct:csv").to("dune:resultsCsv");
                from("direct:cancel").to("dune:cancel");
                from("direct:sql").to("dune:executeSql?performance=large");
            }
        };
    }

    /** Executes the number series with this many rows and waits until it is done. */
    private String finishedSeries(int rows) throws Exception {
        return finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", rows));
    }

    @Test
    void statusComesFromHeaderOptionOrBody() throws Exception {
        String id = finishedSeries(3);
        Exchange byHeader =
                template.request("direct:status", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        ExecutionStatus status = byHeader.getMessage().getBody(ExecutionStatus.class);
        assertThat(status.executionId()).isEqualTo(id);
        assertThat(status.state().value()).isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(status.resultMetadata().totalRowCount()).isEqualTo(3);
        Map<String, Object> headers = byHeader.getMessage().getHeaders();
        assertThat(headers)
                .containsEntry(DuneConstants.STATE, "QUERY_STATE_COMPLETED")
                .containsEntry(DuneConstants.EXECUTION_FINISHED, true)
                .containsEntry(DuneConstants.TOTAL_ROW_COUNT, 3L)
                .containsEntry(
                        DuneConstants.COLUMN_NAMES,
                        List.of("number", "label", "amount", "even", "ts", "bucket", "hex", "category"))
                .containsKeys(DuneConstants.SUBMITTED_AT, DuneConstants.ENDED_AT, DuneConstants.EXECUTION_COST_CREDITS);
        assertThat(byHeader.getMessage().getBody(String.class))
                .contains("\"execution_id\":\"" + id + "\"")
                .contains("\"state\":\"QUERY_STATE_COMPLETED\"");

        assertThat(template.requestBody("direct:status", id, ExecutionStatus.class)
                        .executionId())
                .isEqualTo(id);
        assertThat(context.getEndpoint("dune:status?executionId=" + id).createProducer())
                .isNotNull();
        assertThat(requests()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/api/v1/execution/" + id + "/status");
        });
    }

    @Test
    void malformedExecutionIdsFailBeforeAnyRequest() {
        for (String bad : List.of("Wonky Job ID", "01HKZJ2683PHF9Q9PHHQ8FW4Q1/../../query/1/execute", "")) {
            Exchange done =
                    template.request("direct:status", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, bad));
            assertThat(done.getException()).isInstanceOf(DuneInvalidInputException.class);
        }
        assertThat(requests()).isEmpty();
    }

    @Test
    void rowsComeOnePageAtATimeInColumnOrder() throws Exception {
        String id = finishedSeries(25);
        Exchange page = template.request("direct:rows", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = page.getMessage().getBody(List.class);
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0).keySet())
                .containsExactly("number", "label", "amount", "even", "ts", "bucket", "hex", "category");
        assertThat(rows.get(9)).containsEntry("number", 9).containsEntry("label", "row-9");
        assertThat(page.getMessage().getHeaders())
                .containsEntry(DuneConstants.NEXT_OFFSET, 10L)
                .containsEntry(DuneConstants.ROW_COUNT, 10L)
                .containsEntry(DuneConstants.TOTAL_ROW_COUNT, 25L)
                .containsEntry(DuneConstants.STATE, "QUERY_STATE_COMPLETED");

        Exchange second = template.request("direct:rows", e -> {
            e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id);
            e.getMessage().setHeader(DuneConstants.OFFSET, page.getMessage().getHeader(DuneConstants.NEXT_OFFSET));
        });
        assertThat(second.getMessage().getBody(List.class)).hasSize(10);
        assertThat(second.getMessage().getHeader(DuneConstants.NEXT_OFFSET)).isEqualTo(20L);
    }

    @Test
    void fetchAllFollowsThePagesToTheEnd() throws Exception {
        String id = finishedSeries(25);
        Exchange all = template.request("direct:all", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = all.getMessage().getBody(List.class);
        assertThat(rows).extracting(r -> ((Number) r.get("number")).intValue()).containsExactlyElementsOf(range(25));
        assertThat(all.getMessage().getHeaders())
                .doesNotContainKey(DuneConstants.NEXT_OFFSET)
                .containsEntry(DuneConstants.ROW_COUNT, 25L);
        assertThat(requests()).hasSize(3);
        assertThat(requests()).extracting(r -> r.queryParameter("offset")).containsExactly(null, "10", "20");
    }

    @Test
    void streamReadsPagesAsTheSplitterConsumesThem() throws Exception {
        String id = finishedSeries(25);
        MockEndpoint row = getMockEndpoint("mock:row");
        row.expectedMessageCount(25);
        template.sendBodyAndHeader("direct:stream", null, DuneConstants.EXECUTION_ID, id);
        row.assertIsSatisfied();
        assertThat(row.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(Map.class).get("number"))
                .containsExactlyElementsOf(range(25));
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aStreamReadsOnePageAheadAndNoMore() throws Exception {
        String id = finishedSeries(25);
        Exchange done = template.request(
                "dune:results?outputType=stream", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        Iterator<?> rows = done.getMessage().getBody(Iterator.class);
        awaitRequests(2, "the first page, and the second on its way");
        // about time: for a while, nothing more is asked
        await().during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(2))
                .until(() -> requests().size() == 2);
        assertThat(requests()).as("not the third while the first is in use").hasSize(2);
        for (int i = 0; i < 11; i++) {
            rows.next();
        }
        awaitRequests(3, "the third once the second is in use");
    }

    private void awaitRequests(int count, String what) {
        await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() >= count);
        assertThat(requests()).as(what).hasSize(count);
    }

    @Test
    void jsonIsOnePageAsDuneSentIt() throws Exception {
        String id = finishedSeries(25);
        Exchange page = template.request("direct:json", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        String text = page.getMessage().getBody(String.class);
        assertThat(json(text)).containsEntry("execution_id", id).containsEntry("next_offset", 4);
        assertThat(page.getMessage().getHeaders()).containsEntry(DuneConstants.NEXT_OFFSET, 4L);
        assertThat(onlyRequest().queryParameter("limit")).isEqualTo("4");
    }

    @Test
    void csvStreamsEveryPageWithTheHeaderOnce() throws Exception {
        String id = finishedSeries(25);
        Exchange done = template.request("direct:csv", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        InputStream csv = done.getMessage().getBody(InputStream.class);
        String[] lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(26);
        assertThat(lines[0]).isEqualTo("number,label,amount,even,ts,bucket,hex,category");
        assertThat(lines[1]).startsWith("0,row-0,");
        assertThat(lines[25]).startsWith("24,row-24,");
        assertThat(requests()).hasSize(3).allSatisfy(r -> assertThat(r.path()).endsWith("/results/csv"));
    }

    @Test
    void csvWrittenToAStreamInBulkIsTheSameAsReadByteByByte() throws Exception {
        String id = finishedSeries(25);
        Exchange done = template.request("direct:csv", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        InputStream csv = done.getMessage().getBody(InputStream.class);
        java.io.ByteArrayOutputStream bulk = new java.io.ByteArrayOutputStream();
        // writes the pages' chunks as they are (PagedCsv.transferTo), with the first byte already read
        int first = csv.read();
        long written = csv.transferTo(bulk);

        csv.reset();
        java.io.ByteArrayOutputStream single = new java.io.ByteArrayOutputStream();
        for (int b = csv.read(); b >= 0; b = csv.read()) {
            single.write(b);
        }
        assertThat(first).isEqualTo('n');
        assertThat(written).isEqualTo(single.size() - 1L);
        assertThat((char) first + bulk.toString(StandardCharsets.UTF_8))
                .isEqualTo(single.toString(StandardCharsets.UTF_8))
                .startsWith("number,label,amount")
                .contains("\n24,row-24,");
        assertThat(single.toString(StandardCharsets.UTF_8).split("\n")).hasSize(26);
    }

    @Test
    void resultOptionsTravelInDunesNames() throws Exception {
        String id = finishedSeries(25);
        template.request(
                "dune:results?columns=number, label&sortBy=number desc&filters=number > 3&limit=5&offset=2",
                e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        template.request(
                "dune:results?sampleCount=5&allowPartialResults=true&ignoreMaxDatapointsPerRequest=true",
                e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        List<RecordedRequest> sent = requests();
        assertThat(sent.get(0).queryParameters())
                .containsExactly(
                        Map.entry("limit", List.of("5")),
                        Map.entry("offset", List.of("2")),
                        Map.entry("columns", List.of("number,label")),
                        Map.entry("filters", List.of("number > 3")),
                        Map.entry("sort_by", List.of("number desc")));
        assertThat(sent.get(1).queryParameters())
                .containsExactly(
                        Map.entry("sample_count", List.of("5")),
                        Map.entry("allow_partial_results", List.of("true")),
                        Map.entry("ignore_max_datapoints_per_request", List.of("true")));
        // a combination Dune refuses fails when the endpoint is created, before any request
        assertThatThrownBy(() -> context.getEndpoint("dune:results?sampleCount=5&limit=3"))
                .rootCause()
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("not together with limit");
        Exchange bad = template.request("dune:results?sampleCount=5", e -> {
            e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id);
            e.getMessage().setHeader(DuneConstants.LIMIT, 3);
        });
        assertThat(bad.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("sampleCount cannot be combined");
        assertThat(requests()).hasSize(2);
    }

    @Test
    void resultsOfAFailedExecutionFailWithDunesError() throws Exception {
        String id = finishedExecution(SampleQuery.BROKEN.id(), Map.of());
        Exchange done = template.request("direct:rows", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        assertThat(done.getException())
                .isInstanceOf(DuneExecutionFailedException.class)
                .hasMessageContaining(id)
                .hasMessageContaining("FAILED_TYPE_EXECUTION_FAILED");
    }

    @Test
    void waitForCompletionReadsAnExecutionStartedElsewhereOnceItHasFinished() throws Exception {
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), java.time.Duration.ofMillis(400));
        try {
            String id = emulator()
                    .engine()
                    .executeQuery(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", 3), null)
                    .orElseThrow()
                    .id();
            Exchange done = template.request(
                    "dune:results?waitForCompletion=true&pollInitialDelay=20ms" + "&pollInterval=20ms",
                    e -> e.getMessage().setBody(id));
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(List.class)).hasSize(3);
            assertThat(done.getMessage().getHeader(DuneConstants.STATE)).isEqualTo("QUERY_STATE_COMPLETED");
            assertThat(requests()).filteredOn(r -> r.path().endsWith("/status")).isNotEmpty();
            assertThat(requests())
                    .filteredOn(r -> r.path().endsWith("/execute"))
                    .isEmpty();
        } finally {
            emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), java.time.Duration.ZERO);
        }
    }

    @Test
    void cancelStopsARunningExecution() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), java.time.Duration.ofSeconds(5));
        try {
            String id = emulator()
                    .engine()
                    .executeQuery(SampleQuery.DAILY_DEX_VOLUME.id(), Map.of(), null)
                    .orElseThrow()
                    .id();
            Exchange done =
                    template.request("direct:cancel", e -> e.getMessage().setBody(id));
            assertThat(done.getMessage().getBody(Boolean.class)).isTrue();
            assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_ID)).isEqualTo(id);
            RecordedRequest request = onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/execution/" + id + "/cancel");
            assertThat(emulator().engine().find(id).orElseThrow().state().wireName())
                    .isEqualTo("QUERY_STATE_CANCELLED");
        } finally {
            emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), java.time.Duration.ZERO);
        }
    }

    @Test
    void executeSqlTakesTheSqlFromHeaderOptionOrBody() throws Exception {
        template.requestBody("direct:sql", "select 85 as result");
        template.requestBodyAndHeader("direct:sql", null, DuneConstants.SQL, "select 1 as one");
        template.requestBody("dune:executeSql?sql=select 2 as two", (Object) null);
        assertThat(requests())
                .extracting(RecordedRequest::body)
                .containsExactly(
                        "{\"sql\":\"select 85 as result\",\"performance\":\"large\"}",
                        "{\"sql\":\"select 1 as one\",\"performance\":\"large\"}",
                        "{\"sql\":\"select 2 as two\"}");
        assertThat(requests()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/sql/execute"));
        Exchange none = template.request("direct:sql", e -> {});
        assertThat(none.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageStartingWith("No SQL");
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
