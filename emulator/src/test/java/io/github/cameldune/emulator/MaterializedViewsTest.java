package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Materialized views as Dune has them (dune-api-pipelines-datasets.md §3): an upsert checks the name, the source query
 * and the schedule and refreshes; a refresh is an execution whose completion replaces the table other queries read;
 * get, list and delete; storage counts against the plan.
 */
@Timeout(120)
class MaterializedViewsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    private long saved(String name, String sql) {
        return api.post(
                        "/v1/query",
                        ApiClient.JSON
                                .createObjectNode()
                                .put("name", name)
                                .put("query_sql", sql)
                                .toString())
                .json()
                .get("query_id")
                .asLong();
    }

    @Test
    void anUpsertRefreshesAndOtherQueriesReadTheTable() {
        long source = saved("Volume by chain", "SELECT blockchain, count(*) AS trades FROM dex.trades GROUP BY 1");
        ApiClient.Response upserted = api.send(
                "POST",
                "/v1/materialized-views",
                null,
                "{\"name\":\"result_trades_by_chain\",\"query_id\":" + source + ",\"is_private\":false,"
                        + "\"performance\":\"medium\",\"cron_expression\":\"0 */6 * * *\"}");
        assertThat(upserted.status()).as(upserted.body()).isEqualTo(200);
        assertThat(upserted.json().get("name").asText()).isEqualTo("dune.emulator.result_trades_by_chain");
        String firstRefresh = upserted.json().get("execution_id").asText();
        JsonNode status = api.awaitFinished(firstRefresh);
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(status.get("query_id").asLong())
                .as("a refresh executes the source query")
                .isEqualTo(source);

        JsonNode rows = api.sqlRows("SELECT sum(trades) AS n FROM dune.emulator.result_trades_by_chain");
        assertThat(rows.get(0).get("n").asLong()).isEqualTo(200_000);

        JsonNode view = api.get("/v1/materialized-views/dune.emulator.result_trades_by_chain")
                .json();
        assertThat(view.get("sql_id").asText()).isEqualTo("dune.emulator.result_trades_by_chain");
        assertThat(view.get("query_id").asLong()).isEqualTo(source);
        assertThat(view.get("table_size_bytes").asLong()).isPositive();
        assertThat(view.get("last_execution_ids").get(0).asText()).isEqualTo(firstRefresh);
        assertThat(view.get("schedule").get("cron_expression").asText()).isEqualTo("0 */6 * * *");
        assertThat(view.get("schedule").get("next_execution_time").asText()).endsWith(":00Z");

        ApiClient.Response refreshed =
                api.post("/v1/materialized-views/dune.emulator.result_trades_by_chain/refresh", "");
        assertThat(refreshed.json().get("sql_id").asText()).isEqualTo("dune.emulator.result_trades_by_chain");
        String second = refreshed.json().get("execution_id").asText();
        api.awaitFinished(second);
        assertThat(api.get("/v1/materialized-views/dune.emulator.result_trades_by_chain")
                        .json()
                        .get("last_execution_ids"))
                .extracting(JsonNode::asText)
                .containsExactly(second, firstRefresh);

        // an upsert replaces every setting: without a cron, the schedule is gone
        api.post("/v1/materialized-views", "{\"name\":\"result_trades_by_chain\",\"query_id\":" + source + "}");
        assertThat(api.get("/v1/materialized-views/dune.emulator.result_trades_by_chain")
                        .json()
                        .get("schedule")
                        .isNull())
                .isTrue();

        JsonNode list = api.get("/v1/materialized-views?limit=10").json();
        assertThat(list.get("materialized_views")).hasSize(1);
        assertThat(list.has("next_offset")).as("one page").isFalse();

        ApiClient.Response deleted =
                api.send("DELETE", "/v1/materialized-views/dune.emulator.result_trades_by_chain", null, null);
        assertThat(deleted.json().get("message").asText()).isEqualTo("ok");
        assertThat(api.get("/v1/materialized-views/dune.emulator.result_trades_by_chain")
                        .status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/v1/materialized-views/dune.emulator.result_trades_by_chain", null, null)
                        .status())
                .isEqualTo(404);
        String afterDelete = api.post(
                        "/v1/sql/execute", "{\"sql\":\"SELECT * FROM dune.emulator.result_trades_by_chain\"}")
                .json()
                .get("execution_id")
                .asText();
        assertThat(api.awaitFinished(afterDelete).get("state").asText()).isEqualTo("QUERY_STATE_FAILED");
    }

    @Test
    void upsertsAreCheckedAsDuneChecksThem() {
        long source = saved("Blocks", "SELECT count(*) AS blocks FROM ethereum.blocks");
        long withParameter = api.post(
                        "/v1/query",
                        "{\"name\":\"p\",\"query_sql\":\"SELECT {{n}} AS n\",\"parameters\":[{\"key\":\"n\","
                                + "\"type\":\"number\",\"value\":\"1\"}]}")
                .json()
                .get("query_id")
                .asLong();
        assertRefused(400, "{\"name\":\"blocks\",\"query_id\":" + source + "}", "must start with result_");
        assertRefused(400, "{\"name\":\"result_x_\",\"query_id\":" + source + "}", "must start with result_");
        assertRefused(400, "{\"name\":\"result_Blocks\",\"query_id\":" + source + "}", "must start with result_");
        assertRefused(404, "{\"name\":\"result_blocks\",\"query_id\":999999}", "Query not found");
        assertRefused(400, "{\"name\":\"result_blocks\",\"query_id\":" + withParameter + "}", "has parameters");
        assertRefused(
                400,
                "{\"name\":\"result_blocks\",\"query_id\":" + source + ",\"cron_expression\":\"*/5 * * * *\"}",
                "at least 15 minutes");
        assertRefused(
                400,
                "{\"name\":\"result_blocks\",\"query_id\":" + source + ",\"cron_expression\":\"0 0 1 * *\"}",
                "at most weekly");
        assertRefused(
                400,
                "{\"name\":\"result_blocks\",\"query_id\":" + source + ",\"cron_expression\":\"0 0 * *\"}",
                "5 fields");
        assertRefused(
                400,
                "{\"name\":\"result_blocks\",\"query_id\":" + source + ",\"expires_at\":\"2027-01-01T00:00:00Z\"}",
                "only with a cron_expression");
        assertRefused(400, "{\"name\":\"result_blocks\",\"query_id\":" + source + ",\"performance\":\"huge\"}", "huge");
        assertThat(DUNE.emulator().executionsCreated())
                .as("nothing refused was executed")
                .isZero();

        assertThat(api.post("/v1/materialized-views", "{\"name\":\"result_blocks\",\"query_id\":" + source + "}")
                        .status())
                .isEqualTo(200);
        long other = saved("Other", "SELECT 1 AS one");
        assertRefused(400, "{\"name\":\"result_blocks\",\"query_id\":" + other + "}", "names are unique");
        assertRefused(400, "{\"name\":\"result_blocks_2\",\"query_id\":" + source + "}", "does not change");
        assertThat(api.post("/v1/materialized-views/result_blocks/refresh", "").status())
                .as("a bare name in a path is not a view's name")
                .isEqualTo(404);
    }

    @Test
    void aRefreshPastThePlansStorageFailsAndKeepsTheLastTable() {
        long source = saved("Blocks", "SELECT number, hash FROM ethereum.blocks");
        String first = api.post("/v1/materialized-views", "{\"name\":\"result_blocks\",\"query_id\":" + source + "}")
                .json()
                .get("execution_id")
                .asText();
        api.awaitFinished(first);
        long size = api.get("/v1/materialized-views/dune.emulator.result_blocks")
                .json()
                .get("table_size_bytes")
                .asLong();
        DUNE.emulator().settings().storageLimit(size + size / 2);
        api.send(
                "PATCH",
                "/v1/query/" + source,
                null,
                "{\"query_sql\":\"SELECT number, hash, parent_hash FROM ethereum.blocks\"}");
        String second = api.post("/v1/materialized-views/dune.emulator.result_blocks/refresh", "")
                .json()
                .get("execution_id")
                .asText();
        JsonNode failed = api.awaitFinished(second);
        assertThat(failed.get("state").asText()).isEqualTo("QUERY_STATE_FAILED");
        assertThat(failed.path("error").path("message").asText()).contains("Storage limit reached");
        assertThat(api.sqlRows("SELECT count(*) AS columns FROM (DESCRIBE dune.emulator.result_blocks)")
                        .get(0)
                        .get("columns")
                        .asInt())
                .as("the last completed refresh's table stays")
                .isEqualTo(2);

        DUNE.emulator().settings().storageLimit(size);
        ApiClient.Response full = api.post("/v1/materialized-views/dune.emulator.result_blocks/refresh", "");
        assertThat(full.status())
                .as("a full plan refuses the refresh before executing")
                .isEqualTo(402);
    }

    private void assertRefused(int status, String body, String text) {
        ApiClient.Response r = api.post("/v1/materialized-views", body);
        assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(status);
        assertThat(r.json().get("error").asText()).contains(text);
    }
}
