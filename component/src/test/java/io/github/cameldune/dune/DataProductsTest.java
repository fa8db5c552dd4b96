package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DunePipelineFailedException;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.MaterializedView;
import io.github.cameldune.dune.model.MaterializedViewPage;
import io.github.cameldune.dune.model.MaterializedViewRefresh;
import io.github.cameldune.dune.model.Pipeline;
import io.github.cameldune.dune.model.PipelineRun;
import io.github.cameldune.dune.model.PipelineStatus;
import io.github.cameldune.dune.model.QueryDraft;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.faults.Fault;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Data products on the emulator: a materialized view upserted and its refresh waited for, read by another query, which
 * then has the view in its pipeline; runPipeline ends with every node's execution and state and the query's rows; a
 * failing node fails the exchange naming it; an upsert or delete whose answer was lost is not sent again (the budget's
 * part is DataProductBudgetTest).
 */
@Timeout(120)
class DataProductsTest extends DuneTestSupport {

    private static final String FAST = "pollInitialDelay=20ms&pollInterval=20ms";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("dune:createQuery");
                from("direct:upsert")
                        .to("dune:upsertMaterializedView?cronExpression=0 */6 * * *&waitForCompletion=true&" + FAST);
                from("direct:upsertOnce").to("dune:upsertMaterializedView");
                from("direct:refresh").to("dune:refreshMaterializedView?waitForCompletion=true&" + FAST);
                from("direct:get").to("dune:getMaterializedView");
                from("direct:list").to("dune:listMaterializedViews?limit=1&fetchAll=true");
                from("direct:delete").to("dune:deleteMaterializedView");
                from("direct:pipeline").to("dune:getPipeline");
                from("direct:runPipeline").to("dune:runPipeline?readResults=true&" + FAST);
                from("direct:runPipelineNodes").to("dune:runPipeline?" + FAST);
                from("direct:executePipeline").to("dune:executePipeline");
                from("direct:pipelineStatus").to("dune:pipelineStatus");
                from("direct:run").to("dune:run?" + FAST);
            }
        };
    }

    private long saved(String sql) {
        return template.requestBody("direct:create", QueryDraft.of("q", sql), Long.class);
    }

    private Exchange upsert(String name, long queryId) {
        return template.request("direct:upsert", e -> {
            e.getMessage().setHeader(DuneConstants.MATERIALIZED_VIEW, name);
            e.getMessage().setHeader(DuneConstants.QUERY_ID, queryId);
        });
    }

    @Test
    void aViewKeptFreshIsReadByAnotherQueryWhosePipelineRunsItFirst() {
        long source = saved("SELECT blockchain, count(*) AS trades FROM dex.trades GROUP BY 1");
        Exchange upserted = upsert("result_trades_by_chain", source);
        assertThat(upserted.getException()).isNull();
        String view = upserted.getMessage().getHeader(DuneConstants.MATERIALIZED_VIEW, String.class);
        assertThat(view).isEqualTo("dune.emulator.result_trades_by_chain");
        assertThat(upserted.getMessage().getHeader(DuneConstants.STATE)).isEqualTo("QUERY_STATE_COMPLETED");
        String firstRefresh = upserted.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class);
        assertThat(upserted.getMessage().getBody(MaterializedViewRefresh.class).executionId())
                .isEqualTo(firstRefresh);

        MaterializedView read = template.requestBodyAndHeader(
                "direct:get", null, DuneConstants.MATERIALIZED_VIEW, view, MaterializedView.class);
        assertThat(read.queryId()).isEqualTo(source);
        assertThat(read.lastExecutionIds()).containsExactly(firstRefresh);
        assertThat(read.schedule().cronExpression()).isEqualTo("0 */6 * * *");
        assertThat(read.tableSizeBytes()).isPositive();

        long reader = saved("SELECT blockchain, trades FROM " + view + " ORDER BY trades DESC");
        Exchange rows = template.request("direct:run", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, reader));
        assertThat(rows.getMessage().getBody(List.class)).hasSize(3);

        Pipeline pipeline =
                template.requestBodyAndHeader("direct:pipeline", null, DuneConstants.QUERY_ID, reader, Pipeline.class);
        assertThat(pipeline.nodes()).hasSize(2);
        assertThat(pipeline.nodes().get(0).materializedViewRefresh().name()).isEqualTo(view);
        assertThat(pipeline.nodes().get(1).queryExecution().queryId()).isEqualTo(reader);
        assertThat(pipeline.nodes().get(1).dependencies()).containsExactly(1);

        long before = executionsCreated();
        Exchange run =
                template.request("direct:runPipeline", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, reader));
        assertThat(run.getException()).isNull();
        assertThat(executionsCreated() - before).as("one execution per node").isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<PipelineRun.Node> nodes = run.getMessage().getHeader(DuneConstants.PIPELINE_NODES, List.class);
        assertThat(nodes).hasSize(2).allSatisfy(n -> {
            assertThat(n.executionId()).isNotNull();
            assertThat(n.state()).isEqualTo(ExecutionState.COMPLETED);
        });
        assertThat(nodes.get(0).materializedView()).isEqualTo(view);
        assertThat(nodes.get(1).queryId()).isEqualTo(reader);
        assertThat(run.getMessage().getHeader(DuneConstants.EXECUTION_ID))
                .isEqualTo(nodes.get(1).executionId());
        assertThat(run.getMessage().getHeader(DuneConstants.PIPELINE_STATUS)).isEqualTo("completed");
        assertThat(run.getMessage().getHeader(DuneConstants.PIPELINE_EXECUTION_ID, String.class))
                .isNotBlank();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> body = run.getMessage().getBody(List.class);
        assertThat(body).hasSize(3);
        assertThat(body.get(0)).containsOnlyKeys("blockchain", "trades");
        assertThat(template.requestBodyAndHeader(
                                "direct:get", null, DuneConstants.MATERIALIZED_VIEW, view, MaterializedView.class)
                        .lastExecutionIds()
                        .get(0))
                .as("the pipeline refreshed the view")
                .isEqualTo(nodes.get(0).executionId());

        Exchange onlyNodes = template.request(
                "direct:runPipelineNodes", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, reader));
        assertThat(onlyNodes.getMessage().getBody(PipelineRun.class).nodes()).hasSize(2);

        String pipelineId = template.requestBodyAndHeader(
                "direct:executePipeline", null, DuneConstants.QUERY_ID, reader, String.class);
        PipelineStatus status = template.requestBody("direct:pipelineStatus", pipelineId, PipelineStatus.class);
        assertThat(status.pipelineExecutionId()).isEqualTo(pipelineId);
        assertThat(status.nodeExecutions()).hasSize(2);
    }

    @Test
    void aFailingNodeFailsTheExchangeNamingThePipelineAndTheNode() {
        long source = saved("SELECT 1 AS one");
        assertThat(upsert("result_breaks_later", source).getException()).isNull();
        // the view's query breaks: its next refresh fails
        emulator()
                .engine()
                .library()
                .update(
                        source,
                        new io.github.cameldune.emulator.engine.QueryLibrary.Changes(
                                null, "SELECT nothing_here FROM dex.trades", null, null, null, null));
        long reader = saved("SELECT * FROM dune.emulator.result_breaks_later");
        long before = executionsCreated();
        Exchange run =
                template.request("direct:runPipeline", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, reader));
        assertThat(run.getException())
                .isInstanceOf(DunePipelineFailedException.class)
                .hasMessageContaining("node 1")
                .hasMessageContaining("dune.emulator.result_breaks_later")
                .hasMessageContaining("nothing_here");
        DunePipelineFailedException failed = (DunePipelineFailedException) run.getException();
        assertThat(failed.getPipelineExecutionId())
                .isEqualTo(run.getMessage().getHeader(DuneConstants.PIPELINE_EXECUTION_ID));
        assertThat(failed.getNode().state()).isEqualTo(ExecutionState.FAILED);
        assertThat(failed.getExecutionId())
                .isEqualTo(failed.getNode().executionId())
                .isNotNull();
        @SuppressWarnings("unchecked")
        List<PipelineRun.Node> nodes = run.getMessage().getHeader(DuneConstants.PIPELINE_NODES, List.class);
        assertThat(nodes.get(1).executionId())
                .as("the query after the failed view never ran")
                .isNull();
        assertThat(executionsCreated() - before).isOne();
    }

    @Test
    void anUpsertOrDeleteWhoseAnswerWasLostIsNotSentAgain() {
        long source = saved("SELECT 2 AS two");
        emulator()
                .faults()
                .add(Fault.reset()
                        .afterHandling()
                        .on(ApiEndpoint.MATVIEW_UPSERT)
                        .times(1));
        Exchange lost = template.request("direct:upsertOnce", e -> {
            e.getMessage().setHeader(DuneConstants.MATERIALIZED_VIEW, "result_lost_answer");
            e.getMessage().setHeader(DuneConstants.QUERY_ID, source);
        });
        assertThat(lost.getException()).isInstanceOf(DuneApiException.class);
        assertThat(emulator().requestCount(ApiEndpoint.MATVIEW_UPSERT))
                .as("one write on the server")
                .isOne();
        assertThat(emulator().engine().materializedViews().list()).hasSize(1);

        emulator()
                .faults()
                .add(Fault.reset()
                        .afterHandling()
                        .on(ApiEndpoint.MATVIEW_DELETE)
                        .times(1));
        Exchange deleted = template.request(
                "direct:delete",
                e -> e.getMessage().setHeader(DuneConstants.MATERIALIZED_VIEW, "dune.emulator.result_lost_answer"));
        assertThat(deleted.getException()).isInstanceOf(DuneApiException.class);
        assertThat(emulator().requestCount(ApiEndpoint.MATVIEW_DELETE)).isOne();
        assertThat(emulator().engine().materializedViews().list()).isEmpty();
    }

    @Test
    void viewsPageAndBadNamesFailBeforeAnythingIsSent() {
        for (String name : List.of("result_page_one", "result_page_two", "result_page_three")) {
            assertThat(upsert(name, saved("SELECT '" + name + "' AS name")).getException())
                    .isNull();
        }
        MaterializedViewPage all = template.requestBody("direct:list", null, MaterializedViewPage.class);
        assertThat(all.materializedViews())
                .extracting(MaterializedView::sqlId)
                .containsExactly(
                        "dune.emulator.result_page_one",
                        "dune.emulator.result_page_two",
                        "dune.emulator.result_page_three");
        assertThat(emulator().requestCount(ApiEndpoint.MATVIEW_READ))
                .as("a page at a time")
                .isEqualTo(3);

        long requests = emulator().requestCount();
        for (String bad : List.of("trades", "result_", "result_Trades", "result_trades_")) {
            assertThat(upsert(bad, 1).getException())
                    .isInstanceOf(DuneInvalidInputException.class)
                    .hasMessageContaining(DuneConstants.MATERIALIZED_VIEW)
                    .hasMessageContaining(bad);
        }
        assertThat(template.request(
                                "direct:refresh",
                                e -> e.getMessage().setHeader(DuneConstants.MATERIALIZED_VIEW, "result_page_one"))
                        .getException())
                .hasMessageContaining("full name");
        assertThat(emulator().requestCount()).as("nothing sent").isEqualTo(requests);
    }
}
