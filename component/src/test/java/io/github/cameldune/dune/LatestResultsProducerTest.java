package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.SampleQuery;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dune:latestResults}: the latest result for parameter values, and {@code maxAge} reusing or executing. */
@Timeout(120)
class LatestResultsProducerTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:latest")
                        .to("dune:latestResults?queryId=" + SampleQuery.BLOCKS_IN_RANGE + "&param.to_block=19000002");
                from("direct:csv")
                        .to("dune:latestResults?queryId=" + SampleQuery.BLOCKS_IN_RANGE
                                + "&outputType=csv&param.to_block=19000002");
                from("direct:fresh")
                        .to("dune:latestResults?queryId=" + SampleQuery.BLOCKS_IN_RANGE
                                + "&param.to_block=19000003&maxAge=1h" + "&pollInitialDelay=20ms&pollInterval=20ms");
                from("direct:strict")
                        .to("dune:latestResults?queryId=" + SampleQuery.BLOCKS_IN_RANGE
                                + "&param.to_block=19000004&maxAge=50ms" + "&pollInitialDelay=20ms&pollInterval=20ms");
            }
        };
    }

    private String executeAndWait(Map<String, Object> params) throws InterruptedException {
        return finishedExecution(SampleQuery.BLOCKS_IN_RANGE.id(), params);
    }

    @Test
    void withoutAnExecutionItIsNotFound() {
        Exchange done =
                template.request("dune:latestResults?queryId=" + SampleQuery.TOP_TRADERS + "&param.top_n=77", e -> {});
        assertThat(done.getException())
                .isInstanceOf(DuneNotFoundException.class)
                .hasMessageContaining("No execution found for the latest version of the given query");
        assertThat(executionsCreated()).as("without maxAge nothing is executed").isZero();
    }

    @Test
    void readsTheLatestResultForTheParameterValues() throws Exception {
        String id = executeAndWait(Map.of("to_block", 19000002));
        Exchange done = template.request("direct:latest", e -> {});
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = done.getMessage().getBody(List.class);
        assertThat(rows).extracting(r -> r.get("number")).containsExactly(19000000, 19000001, 19000002);
        assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_ID)).isEqualTo(id);
        RecordedRequest request = onlyRequest();
        assertThat(request.path()).isEqualTo("/api/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results");
        assertThat(request.queryParameter("params.to_block")).isEqualTo("19000002");

        Exchange csv = template.request("direct:csv", e -> {});
        String text = new String(csv.getMessage().getBody(InputStream.class).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text.split("\n")).hasSize(4);
        assertThat(requests().get(1).path()).isEqualTo("/api/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results/csv");
    }

    @Test
    void maxAgeReusesAFreshEnoughResult() throws Exception {
        String id = executeAndWait(Map.of("to_block", 19000003));
        Exchange done = template.request("direct:fresh", e -> {});
        assertThat(done.getMessage().getBody(List.class)).hasSize(4);
        assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_ID)).isEqualTo(id);
        assertThat(executionsCreated()).as("only the one made by the test").isEqualTo(1);
        assertThat(requests())
                .extracting(RecordedRequest::path)
                .containsExactly(
                        "/api/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results",
                        "/api/v1/execution/" + id + "/results");
        assertThat(requests().get(0).queryParameter("limit")).isEqualTo("1");
    }

    @Test
    void maxAgeExecutesWhenTheLatestIsTooOldOrMissing() throws Exception {
        Exchange first = template.request("direct:strict", e -> {});
        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getBody(List.class)).hasSize(5);
        assertThat(executionsCreated()).as("none existed: executed").isEqualTo(1);

        // about time: the latest result must grow older than maxAge
        Thread.sleep(100);
        Exchange second = template.request("direct:strict", e -> {});
        assertThat(second.getMessage().getBody(List.class)).hasSize(5);
        assertThat(second.getMessage().getHeader(DuneConstants.EXECUTION_ID))
                .isNotEqualTo(first.getMessage().getHeader(DuneConstants.EXECUTION_ID));
        assertThat(executionsCreated()).as("older than maxAge: executed again").isEqualTo(2);
        assertThat(requests())
                .filteredOn(r -> r.path().endsWith("/execute"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"to_block\":\"19000004\""));
    }
}
