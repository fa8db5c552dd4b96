package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pipelines (dune-api-pipelines-datasets.md §2): a query's lineage is the account's materialized views its SQL reads,
 * transitively, in dependency order; executing it runs each node as an ordinary execution once its dependencies
 * completed, with one status per node; a failed node stops the pipeline and names itself.
 */
@Timeout(120)
class PipelinesTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    private long saved(String sql) {
        return api.post(
                        "/v1/query",
                        ApiClient.JSON
                                .createObjectNode()
                                .put("name", "q")
                                .put("query_sql", sql)
                                .toString())
                .json()
                .get("query_id")
                .asLong();
    }

    private void view(String name, long queryId) {
        String id = api.post("/v1/materialized-views", "{\"name\":\"" + name + "\",\"query_id\":" + queryId + "}")
                .json()
                .get("execution_id")
                .asText();
        api.awaitFinished(id);
    }

    @Test
    void aQueryOverTwoChainedViewsRunsThemInOrderThenItself() {
        long base = saved("SELECT blockchain, amount_usd FROM dex.trades WHERE amount_usd IS NOT NULL");
        view("result_priced_trades", base);
        long daily = saved(
                "SELECT blockchain, sum(amount_usd) AS volume FROM dune.emulator.result_priced_trades GROUP BY 1");
        view("result_volume_by_chain", daily);
        long top = saved("SELECT * FROM dune.\"emulator\".result_volume_by_chain ORDER BY volume DESC LIMIT 1");

        JsonNode nodes =
                api.get("/v1/query/" + top + "/pipeline").json().get("pipeline").get("nodes");
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(0).get("materialized_view_refresh").get("name").asText())
                .isEqualTo("dune.emulator.result_priced_trades");
        assertThat(nodes.get(0).get("dependencies")).isEmpty();
        assertThat(nodes.get(1).get("materialized_view_refresh").get("name").asText())
                .isEqualTo("dune.emulator.result_volume_by_chain");
        assertThat(nodes.get(1).get("dependencies").get(0).asInt()).isEqualTo(1);
        assertThat(nodes.get(2).get("query_execution").get("query_id").asLong()).isEqualTo(top);
        assertThat(nodes.get(2).get("dependencies").get(0).asInt()).isEqualTo(2);
        assertThat(nodes.get(2).get("query_execution").get("performance").asText())
                .isEqualTo("medium");

        long before = DUNE.emulator().executionsCreated();
        String pipeline = api.post("/v1/query/" + top + "/pipeline/execute", "{\"performance\":\"large\"}")
                .json()
                .get("pipeline_execution_id")
                .asText();
        JsonNode done = awaitPipeline(pipeline);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        JsonNode runs = done.get("node_executions");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0)
                        .get("materialized_view_refresh_status")
                        .get("status")
                        .asText())
                .isEqualTo("completed");
        assertThat(runs.get(2).get("query_execution_status").get("query_id").asLong())
                .isEqualTo(top);
        String queryExecution =
                runs.get(2).get("query_execution_status").get("execution_id").asText();
        JsonNode status = api.get("/v1/execution/" + queryExecution + "/status").json();
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
        // nodes start after their dependencies ended
        String refresh2 = runs.get(1)
                .get("materialized_view_refresh_status")
                .get("execution_id")
                .asText();
        JsonNode refreshStatus =
                api.get("/v1/execution/" + refresh2 + "/status").json();
        assertThat(status.get("execution_started_at").asText())
                .isGreaterThanOrEqualTo(refreshStatus.get("execution_ended_at").asText());
        assertThat(DUNE.emulator().executionsCreated() - before)
                .as("one execution per node")
                .isEqualTo(3);
        assertThat(api.get("/v1/materialized-views/dune.emulator.result_volume_by_chain")
                        .json()
                        .get("last_execution_ids")
                        .get(0)
                        .asText())
                .isEqualTo(refresh2);
    }

    @Test
    void aQueryReadingNoViewIsOneNodeAsDunesSdksExpect() {
        JsonNode nodes = api.get("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/pipeline")
                .json()
                .get("pipeline")
                .get("nodes");
        assertThat(nodes).hasSize(1);
        assertThat(nodes.get(0).get("id").asInt()).isEqualTo(1);
        String pipeline = api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/pipeline/execute", "")
                .json()
                .get("pipeline_execution_id")
                .asText();
        JsonNode status = awaitPipeline(pipeline);
        JsonNode node = status.get("node_executions").get(0).get("query_execution_status");
        assertThat(node.get("query_id").asLong()).isEqualTo(SampleQuery.DAILY_DEX_VOLUME.id());
        assertThat(node.get("status").asText()).isEqualTo("completed");
    }

    @Test
    void aFailedNodeStopsThePipelineAndNamesItself() {
        long broken = saved("SELECT no_such_column FROM dex.trades");
        view("result_ok", saved("SELECT 1 AS one"));
        // the view is made of a query that then breaks: its next refresh fails
        long later = saved("SELECT one FROM dune.emulator.result_ok");
        view("result_later", later);
        api.send(
                "PATCH", "/v1/query/" + later, null, "{\"query_sql\":\"SELECT nothing FROM dune.emulator.result_ok\"}");
        long top = saved("SELECT * FROM dune.emulator.result_later");

        String pipeline = api.post("/v1/query/" + top + "/pipeline/execute", "{}")
                .json()
                .get("pipeline_execution_id")
                .asText();
        JsonNode status = awaitPipeline(pipeline);
        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.get("error").asText()).contains("Node 2").contains("dune.emulator.result_later");
        JsonNode runs = status.get("node_executions");
        assertThat(runs.get(1)
                        .get("materialized_view_refresh_status")
                        .get("status")
                        .asText())
                .isEqualTo("failed");
        assertThat(runs.get(2).get("query_execution_status").get("status").asText())
                .isEqualTo("pending");
        assertThat(runs.get(2).get("query_execution_status").has("execution_id"))
                .as("a node after a failed one never starts")
                .isFalse();

        assertThat(api.post(
                                "/v1/pipelines/execute",
                                "{\"pipeline\":{\"nodes\":[{\"id\":1,\"dependencies\":[2],\"query_execution\":"
                                        + "{\"query_id\":" + broken + "}},{\"id\":2,\"dependencies\":[1],"
                                        + "\"query_execution\":{\"query_id\":" + broken + "}}]}}")
                        .json()
                        .get("error")
                        .asText())
                .contains("cycle");
        assertThat(api.get("/v1/pipelines/executions/01HKZJ2683PHF9Q9PHHQ8FW4Q1/status")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenNodesRunAndACancelledNodeCancelsThePipeline() {
        DUNE.emulator().setMinDuration(SampleQuery.SLOW_DAILY_SUMMARY.id(), Duration.ofSeconds(30));
        String pipeline = api.post(
                        "/v1/pipelines/execute",
                        "{\"pipeline\":{\"nodes\":[{\"id\":1,\"dependencies\":[],\"query_execution\":{\"query_id\":"
                                + SampleQuery.SLOW_DAILY_SUMMARY + ",\"performance\":\"medium\"}},{\"id\":2,"
                                + "\"dependencies\":[1],\"query_execution\":{\"query_id\":"
                                + SampleQuery.DAILY_DEX_VOLUME + "}}]}}")
                .json()
                .get("pipeline_execution_id")
                .asText();
        String first = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/v1/pipelines/executions/" + pipeline + "/status")
                                .json()
                                .get("node_executions")
                                .get(0)
                                .get("query_execution_status")
                                .path("execution_id")
                                .asText(),
                        id -> !id.isEmpty());
        api.post("/v1/execution/" + first + "/cancel", "");
        JsonNode status = awaitPipeline(pipeline);
        assertThat(status.get("status").asText()).isEqualTo("cancelled");
        assertThat(status.get("node_executions")
                        .get(1)
                        .get("query_execution_status")
                        .get("status")
                        .asText())
                .isEqualTo("pending");
    }

    private JsonNode awaitPipeline(String id) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.get("/v1/pipelines/executions/" + id + "/status")
                                .json(),
                        s -> !s.get("status").asText().equals("pending")
                                && !s.get("status").asText().equals("executing"));
    }
}
