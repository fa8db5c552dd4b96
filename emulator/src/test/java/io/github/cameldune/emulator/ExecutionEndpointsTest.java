package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Status, results and cancel, checked against the invariants Dune's SDKs rely on (dune-api.md §9). */
@Timeout(120)
class ExecutionEndpointsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension(b -> b.maxPageSize(1000));

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @AfterEach
    void restore() {
        DUNE.emulator().settings().maxConcurrent(3);
        DUNE.emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ZERO);
    }

    @Test
    void completedStatusCarriesResultMetadataAndNothingElse() {
        String id = api.execute(SampleQuery.BLOCKS_IN_RANGE.id(), "{}");
        JsonNode status = api.awaitFinished(id);
        assertThat(status.get("execution_id").asText()).isEqualTo(id);
        assertThat(status.get("query_id").asLong()).isEqualTo(1004);
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(status.get("is_execution_finished").asBoolean()).isTrue();
        for (String field : List.of("submitted_at", "expires_at", "execution_started_at", "execution_ended_at")) {
            assertThat(Instant.parse(status.get(field).asText())).as(field).isNotNull();
            assertThat(status.get(field).asText()).endsWith("Z");
        }
        assertThat(status.has("cancelled_at")).isFalse();
        assertThat(status.has("queue_position")).isFalse();
        assertThat(status.has("error")).isFalse();
        JsonNode meta = status.get("result_metadata");
        assertThat(names(meta.get("column_names")))
                .containsExactly("number", "time", "hash", "miner", "gas_used", "gas_limit", "base_fee_per_gas");
        assertThat(names(meta.get("column_types")))
                .containsExactly(
                        // hash and miner are varbinary, as on Dune
                        "bigint",
                        "timestamp(3) with time zone",
                        "varbinary",
                        "varbinary",
                        "bigint",
                        "bigint",
                        "bigint");
        assertThat(meta.get("row_count").asLong()).isEqualTo(100);
        assertThat(meta.get("total_row_count").asLong()).isEqualTo(100);
        assertThat(meta.get("datapoint_count").asLong()).isEqualTo(700);
        assertThat(meta.get("result_set_bytes").asLong()).isPositive();
        for (String field : List.of("total_result_set_bytes", "pending_time_millis", "execution_time_millis")) {
            assertThat(meta.has(field)).as(field).isTrue();
        }
        assertThat(status.get("execution_cost_credits").asInt()).isEqualTo(10);
    }

    @Test
    void failedExecutionsCarryTheErrorAndNoMetadata() {
        String id = api.execute(SampleQuery.BROKEN.id(), "{}");
        JsonNode status = api.awaitFinished(id);
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_FAILED");
        assertThat(status.has("result_metadata")).isFalse();
        assertThat(status.at("/error/type").asText()).isEqualTo("FAILED_TYPE_EXECUTION_FAILED");
        assertThat(status.at("/error/message").asText()).contains("\"x\"").contains("[Execution ID: " + id + "]");
        assertThat(status.at("/error/metadata/line").asInt()).isEqualTo(1);
        JsonNode results = api.get("/v1/execution/" + id + "/results").json();
        assertThat(results.get("state").asText()).isEqualTo("QUERY_STATE_FAILED");
        assertThat(results.has("result")).isFalse();
        assertThat(results.at("/error/type").asText()).isEqualTo("FAILED_TYPE_EXECUTION_FAILED");
    }

    @Test
    void queuedExecutionsArePendingWithAPositionThenRun() {
        DUNE.emulator().settings().maxConcurrent(1);
        DUNE.emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofMillis(600));
        String first = api.execute(SampleQuery.DAILY_DEX_VOLUME.id(), "{}");
        String second = api.execute(SampleQuery.DAILY_DEX_VOLUME.id(), "{}");
        String third = api.execute(SampleQuery.DAILY_DEX_VOLUME.id(), "{}");
        JsonNode running = api.get("/v1/execution/" + first + "/status").json();
        assertThat(running.get("state").asText()).isIn("QUERY_STATE_EXECUTING", "QUERY_STATE_PENDING");
        JsonNode waiting = api.get("/v1/execution/" + third + "/status").json();
        assertThat(waiting.get("state").asText()).isEqualTo("QUERY_STATE_PENDING");
        assertThat(waiting.get("queue_position").asInt()).isEqualTo(2);
        assertThat(waiting.get("is_execution_finished").asBoolean()).isFalse();
        for (String absent : List.of(
                "result_metadata",
                "execution_started_at",
                "execution_ended_at",
                "cancelled_at",
                "error",
                "expires_at")) {
            assertThat(waiting.has(absent)).as(absent).isFalse();
        }
        JsonNode pendingResults = api.get("/v1/execution/" + third + "/results").json();
        assertThat(pendingResults.get("state").asText()).isEqualTo("QUERY_STATE_PENDING");
        assertThat(pendingResults.has("result")).isFalse();
        for (String id : List.of(first, second, third)) {
            assertThat(api.awaitFinished(id).get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
        }
    }

    @Test
    void executingStatusHasAStartButNoEndOrMetadata() {
        DUNE.emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(2));
        String id = api.execute(SampleQuery.DAILY_DEX_VOLUME.id(), "{}");
        JsonNode status = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> api.get("/v1/execution/" + id + "/status").json(),
                        s -> s.get("state").asText().equals("QUERY_STATE_EXECUTING"));
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_EXECUTING");
        assertThat(status.has("execution_started_at")).isTrue();
        for (String absent : List.of("execution_ended_at", "result_metadata", "queue_position", "cancelled_at")) {
            assertThat(status.has(absent)).as(absent).isFalse();
        }
        assertThat(api.post("/v1/execution/" + id + "/cancel", null)
                        .json()
                        .get("success")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void cancelStopsARunningExecution() {
        DUNE.emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(5));
        String id = api.execute(SampleQuery.DAILY_DEX_VOLUME.id(), "{}");
        ApiClient.Response r = api.post("/v1/execution/" + id + "/cancel", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"success\":true}");
        JsonNode status = api.get("/v1/execution/" + id + "/status").json();
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_CANCELLED");
        assertThat(status.get("is_execution_finished").asBoolean()).isTrue();
        assertThat(status.has("cancelled_at")).isTrue();
        assertThat(status.has("result_metadata")).isFalse();
        JsonNode results = api.get("/v1/execution/" + id + "/results").json();
        assertThat(results.get("state").asText()).isEqualTo("QUERY_STATE_CANCELLED");
        assertThat(results.has("cancelled_at")).isTrue();
        assertThat(results.has("result")).isFalse();
        assertThat(api.post("/v1/execution/" + id + "/cancel", null)
                        .json()
                        .get("success")
                        .asBoolean())
                .as("a finished execution cannot be cancelled again")
                .isFalse();
    }

    @Test
    void resultsPageThroughNextUriUntilItIsOmitted() {
        String id = api.execute(SampleQuery.NUMBER_SERIES.id(), "{\"query_parameters\":{\"row_count\":25}}");
        api.awaitFinished(id);
        List<Long> numbers = new ArrayList<>();
        JsonNode page = api.get("/v1/execution/" + id + "/results?limit=10&columns=number,label")
                .json();
        int pages = 1;
        while (true) {
            JsonNode meta = page.at("/result/metadata");
            assertThat(names(meta.get("column_names"))).containsExactly("number", "label");
            assertThat(meta.get("total_row_count").asLong()).isEqualTo(25);
            assertThat(meta.get("datapoint_count").asLong())
                    .isEqualTo(meta.get("row_count").asLong() * 2);
            page.at("/result/rows").forEach(row -> numbers.add(row.get("number").asLong()));
            if (!page.has("next_uri")) {
                assertThat(page.has("next_offset")).isFalse();
                break;
            }
            String next = page.get("next_uri").asText();
            assertThat(next)
                    .startsWith(DUNE.emulator().baseUrl() + "/v1/execution/" + id + "/results?")
                    .contains("limit=10")
                    .contains("columns=number%2Clabel")
                    .endsWith("offset=" + page.get("next_offset").asLong());
            page = api.getAbsolute(next).json();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(numbers).hasSize(25).startsWith(0L, 1L).endsWith(24L);
    }

    @Test
    void serverCapsThePageSizeAndStillGivesTheNextOffset() {
        String id = api.execute(SampleQuery.NUMBER_SERIES.id(), "{\"query_parameters\":{\"row_count\":2500}}");
        api.awaitFinished(id);
        JsonNode page = api.get("/v1/execution/" + id + "/results?limit=32000").json();
        assertThat(page.at("/result/rows").size()).isEqualTo(1000);
        assertThat(page.get("next_offset").asLong()).isEqualTo(1000);
        JsonNode past = api.get("/v1/execution/" + id + "/results?offset=5000").json();
        assertThat(past.at("/result/rows").size()).isZero();
        assertThat(past.at("/result/metadata/total_row_count").asLong()).isEqualTo(2500);
        assertThat(past.has("next_uri")).isFalse();
    }

    @Test
    void rowKeysComeAlphabeticallyAndValuesKeepTheirJsonTypes() throws Exception {
        String id = api.execute(SampleQuery.NUMBER_SERIES.id(), "{\"query_parameters\":{\"row_count\":2,\"start\":7}}");
        api.awaitFinished(id);
        ApiClient.Response r = api.get("/v1/execution/" + id + "/results");
        JsonNode row = r.json().at("/result/rows/0");
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().hasSize(8);
        assertThat(row.get("number").isIntegralNumber()).isTrue();
        assertThat(row.get("amount").isNumber()).isTrue();
        assertThat(row.get("even").isBoolean()).isTrue();
        assertThat(row.get("ts").asText()).isEqualTo("2024-01-01 00:00:07.000 UTC");
        assertThat(row.get("hex").asText()).isEqualTo("0x00000007");
        assertThat(names(r.json().at("/result/metadata/column_names"))).startsWith("number", "label", "amount");
    }

    @Test
    void malformedAndUnknownExecutionIds() {
        assertThat(api.get("/v1/execution/Wonky%20Job%20ID/status").body())
                .isEqualTo("{\"error\":\"The requested execution ID (ID: Wonky Job ID) is invalid.\"}");
        assertThat(api.get("/v1/execution/Wonky%20Job%20ID/results").status()).isEqualTo(400);
        assertThat(api.post("/v1/execution/Wonky%20Job%20ID/cancel", null).status())
                .isEqualTo(400);
        assertThat(api.get("/v1/execution/01HKZJ2683PHF9Q9PHHQ8FW4Q1/status").status())
                .isEqualTo(404);
        assertThat(api.get("/v1/nothing/here").status()).isEqualTo(404);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
