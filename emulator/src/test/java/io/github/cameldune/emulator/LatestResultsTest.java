package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /v1/query/{id}/results[/csv]}: the latest result for given parameter values, and expiry. */
@Timeout(120)
class LatestResultsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension(b -> b.maxPageSize(5));

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void latestResultPerParameterValues() {
        assertThat(api.get("/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results")
                        .body())
                .isEqualTo("{\"error\":\"not found: No execution found for the latest version of the given query\"}");
        assertThat(api.get("/v1/query/999999/results").body()).isEqualTo("{\"error\":\"Query not found\"}");

        String defaults = api.execute(SampleQuery.BLOCKS_IN_RANGE.id(), "{}");
        api.awaitFinished(defaults);
        String narrow = api.execute(SampleQuery.BLOCKS_IN_RANGE.id(), "{\"query_parameters\":{\"to_block\":19000002}}");
        api.awaitFinished(narrow);

        JsonNode any =
                api.get("/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results").json();
        assertThat(any.get("execution_id").asText())
                .as("no params: the latest whatever its values")
                .isEqualTo(narrow);
        JsonNode byDefault = api.get("/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results?params.to_block=19000099")
                .json();
        assertThat(byDefault.get("execution_id").asText()).isEqualTo(defaults);
        assertThat(byDefault.at("/result/metadata/total_row_count").asLong()).isEqualTo(100);
        assertThat(byDefault.get("next_uri").asText())
                .as("pages are named by execution")
                .contains("/api/v1/execution/" + defaults + "/results?")
                .doesNotContain("params.");
        assertThat(api.get("/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results?params.to_block=19000002")
                        .json()
                        .get("execution_id")
                        .asText())
                .isEqualTo(narrow);
        assertThat(api.get("/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results?params.to_block=19000050")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/v1/query/" + SampleQuery.BLOCKS_IN_RANGE + "/results?params.nope=1")
                        .status())
                .isEqualTo(404);

        String csv = api.get("/v1/query/" + SampleQuery.BLOCKS_IN_RANGE
                        + "/results/csv?params.to_block=19000002&columns=number")
                .body();
        assertThat(csv).isEqualTo("number\n19000000\n19000001\n19000002\n");
    }

    @Test
    void resultsExpireAfterTheRetention() {
        DUNE.emulator().settings().retention(Duration.ofMillis(300));
        try {
            String id = api.execute(SampleQuery.BLOCKS_IN_RANGE.id(), "{}");
            api.awaitFinished(id);
            JsonNode status = await().atMost(Duration.ofSeconds(5))
                    .until(
                            () -> api.get("/v1/execution/" + id + "/status").json(),
                            s -> s.get("state").asText().equals("QUERY_STATE_EXPIRED"));
            assertThat(status.get("is_execution_finished").asBoolean()).isTrue();
            JsonNode results = api.get("/v1/execution/" + id + "/results").json();
            assertThat(results.has("result")).isFalse();
        } finally {
            DUNE.emulator().settings().retention(Duration.ofDays(90));
        }
    }
}
