package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CSV pages, columns, filters, sort_by, sample_count, partial results and raw SQL. */
@Timeout(120)
class ResultOptionsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension(b -> b.maxPageSize(1000));

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @AfterEach
    void restore() {
        DUNE.emulator().setMaxResultRows(SampleQuery.NUMBER_SERIES.id(), null);
    }

    private String series(int rows) {
        String id = api.execute(SampleQuery.NUMBER_SERIES.id(), "{\"query_parameters\":{\"row_count\":" + rows + "}}");
        api.awaitFinished(id);
        return id;
    }

    @Test
    void aLimitBelowOneIsABadRequestNotAnEndlessPage() {
        String id = series(10);
        for (String path : List.of("/results?limit=0&offset=5", "/results/csv?limit=0", "/results?limit=-1")) {
            ApiClient.Response page = api.get("/v1/execution/" + id + path);
            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.json().get("error").asText()).as(path).startsWith("invalid limit");
        }
        assertThat(api.get("/v1/execution/" + id + "/results?limit=1&offset=5")
                        .json()
                        .get("next_offset")
                        .asLong())
                .isEqualTo(6);
    }

    @Test
    void csvPagesRepeatTheHeaderAndLinkTheNextPage() {
        String id = series(25);
        StringBuilder all = new StringBuilder();
        ApiClient.Response page = api.get("/v1/execution/" + id + "/results/csv?limit=10&columns=number,label");
        int pages = 1;
        while (true) {
            assertThat(page.raw().headers().firstValue("Content-Type")).hasValue("text/csv");
            assertThat(page.body()).startsWith("number,label\n").endsWith("\n");
            all.append(
                    pages == 1 ? page.body() : page.body().substring(page.body().indexOf('\n') + 1));
            var next = page.raw().headers().firstValue("x-dune-next-uri");
            if (next.isEmpty()) {
                assertThat(page.raw().headers().firstValue("x-dune-next-offset"))
                        .isEmpty();
                break;
            }
            assertThat(page.raw().headers().firstValue("x-dune-next-offset")).hasValue(String.valueOf(pages * 10));
            assertThat(next.get())
                    .contains("/api/v1/execution/" + id + "/results/csv?")
                    .contains("limit=10");
            page = api.getAbsolute(next.get());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        String[] lines = all.toString().split("\n");
        assertThat(lines).hasSize(26);
        assertThat(lines[1]).isEqualTo("0,row-0");
        assertThat(lines[25]).isEqualTo("24,row-24");
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNullsEmpty() {
        String id = api.execute(
                SampleQuery.PARAMETER_ECHO.id(), "{\"query_parameters\":{\"text_field\":\"a, \\\"b\\\"\"}}");
        api.awaitFinished(id);
        String csv = api.get("/v1/execution/" + id + "/results/csv").body();
        assertThat(csv)
                .isEqualTo("text_field,number_field,date_field,list_field\n"
                        + "\"a, \"\"b\"\"\",3.1415926535,2022-05-04 00:00:00.000 UTC,Option 1\n");
    }

    @Test
    void filtersFollowDunesGrammar() {
        String id = series(100);
        JsonNode page = api.get("/v1/execution/" + id + "/results?filters="
                        + enc("(number < 10 OR number IN (50, 60)) AND category LIKE 'a%' AND label IS NOT NULL"))
                .json();
        assertThat(numbers(page)).containsExactly(0L, 3L, 6L, 9L, 60L);
        assertThat(page.at("/result/metadata/total_row_count").asLong())
                .as("counted after filtering")
                .isEqualTo(5);
        assertThat(api.get("/v1/execution/" + id + "/results?filters=" + enc("number NOT IN (1)"))
                        .body())
                .contains("NOT");
        assertThat(api.get("/v1/execution/" + id + "/results?filters=" + enc("nope = 1"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/execution/" + id + "/results?filters=" + enc("number = 1; DROP TABLE x"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v1/execution/" + id + "/results?filters=" + enc("label = 'it''s'"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void sortByAndColumns() {
        String id = series(30);
        JsonNode page = api.get("/v1/execution/" + id + "/results?limit=3&sort_by=" + enc("bucket desc, number")
                        + "&columns=number,bucket")
                .json();
        assertThat(numbers(page)).containsExactly(9L, 19L, 29L);
        assertThat(page.at("/result/metadata/datapoint_count").asLong()).isEqualTo(6);
        assertThat(page.get("next_uri").asText()).contains("sort_by=bucket%20desc%2C%20number");
    }

    @Test
    void sampleCountExcludesPagingAndFilters() {
        String id = series(500);
        JsonNode sample =
                api.get("/v1/execution/" + id + "/results?sample_count=50").json();
        assertThat(sample.at("/result/rows").size()).isEqualTo(50);
        assertThat(sample.has("next_uri")).isFalse();
        assertThat(api.get("/v1/execution/" + id + "/results?sample_count=5&limit=2")
                        .body())
                .contains("sample_count cannot be combined");
        assertThat(api.get("/v1/execution/" + id + "/results?sample_count=5&filters=" + enc("number > 1"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aTruncatedResultIsPartialAndNeedsTheFlag() {
        DUNE.emulator().setMaxResultRows(SampleQuery.NUMBER_SERIES.id(), 10L);
        String id = series(25);
        JsonNode status = api.get("/v1/execution/" + id + "/status").json();
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED_PARTIAL");
        assertThat(status.get("is_execution_finished").asBoolean()).isTrue();
        assertThat(status.has("result_metadata")).isFalse();
        ApiClient.Response refused = api.get("/v1/execution/" + id + "/results");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("allows_partial_results=true");
        JsonNode partial = api.get("/v1/execution/" + id + "/results?allow_partial_results=true")
                .json();
        assertThat(partial.get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED_PARTIAL");
        assertThat(numbers(partial)).hasSize(10).endsWith(9L);
    }

    @Test
    void rawSqlRunsAsQueryZero() {
        ApiClient.Response r =
                api.post("/v1/sql/execute", "{\"sql\":\"select 85 as result\",\"performance\":\"medium\"}");
        String id = r.json().get("execution_id").asText();
        JsonNode status = api.awaitFinished(id);
        assertThat(status.get("query_id").asLong()).isZero();
        assertThat(api.get("/v1/execution/" + id + "/results")
                        .json()
                        .at("/result/rows/0/result")
                        .asInt())
                .isEqualTo(85);
        String failed = api.post("/v1/sql/execute", "{\"sql\":\"SELECDT 1\"}")
                .json()
                .get("execution_id")
                .asText();
        assertThat(api.awaitFinished(failed).at("/error/message").asText()).containsIgnoringCase("syntax");
        assertThat(api.post("/v1/sql/execute", "{}").status()).isEqualTo(400);
    }

    private static List<Long> numbers(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.at("/result/rows").forEach(r -> out.add(r.get("number").asLong()));
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
