package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConfiguration;
import io.github.cameldune.dune.OutputType;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.credits.CreditGuard;
import io.github.cameldune.dune.waiting.ExecutionWaiter;
import io.github.cameldune.dune.waiting.PipelineWaiter;
import java.util.concurrent.Executor;

/**
 * The handlers of one started endpoint: the producer's, chosen by the operation in one exhaustive switch, and the
 * consumers' pollers, each typed, so that nothing downcasts.
 */
public final class OperationHandlers {

    private final EndpointContext context;
    private final ExecutionFlow flow;
    private final PipelineWaiter pipelines;

    /**
     * @param credits   every billed request goes through it
     * @param pipelines waits for pipelines, node by node with {@code waiter}
     * @param workers   where work that may block (a journal's writes) runs, never on HttpClient's I/O threads
     */
    public OperationHandlers(
            DuneConfiguration config,
            DuneClient client,
            CreditGuard credits,
            ExecutionWaiter waiter,
            PipelineWaiter pipelines,
            Executor workers) {
        this.context = new EndpointContext(config, client, credits, workers);
        this.flow = new ExecutionFlow(context, waiter);
        this.pipelines = pipelines;
    }

    /** What a producer of the endpoint's operation does with an exchange. */
    public OperationHandler producer() {
        DuneConfiguration config = context.config();
        return switch (config.getOperation()) {
            case execute -> SingleCallHandlers.execute(flow);
            case executeSql -> SingleCallHandlers.executeSql(flow);
            case status -> SingleCallHandlers.status(context);
            case results -> new ResultsHandler(flow, config.getOutputType());
            case resultsCsv -> new ResultsHandler(flow, OutputType.csv);
            case latestResults -> new LatestResultsHandler(flow);
            case cancel -> SingleCallHandlers.cancel(context);
            case run -> new RunHandler(flow);
            case usage -> SingleCallHandlers.usage(context);
            case createTable -> UploadHandlers.createTable(context);
            case uploadCsv -> UploadHandlers.uploadCsv(context);
            case insert -> UploadHandlers.insert(context);
            case clearTable -> UploadHandlers.clearTable(context);
            case deleteTable -> UploadHandlers.deleteTable(context);
            case listTables -> UploadHandlers.listTables(context);
            case createQuery -> QueryHandlers.createQuery(context);
            case getQuery -> QueryHandlers.getQuery(context);
            case updateQuery -> QueryHandlers.updateQuery(context);
            case archiveQuery -> QueryHandlers.state(context, DuneCall.ARCHIVE_QUERY);
            case unarchiveQuery -> QueryHandlers.state(context, DuneCall.UNARCHIVE_QUERY);
            case makePrivate -> QueryHandlers.state(context, DuneCall.MAKE_PRIVATE);
            case makePublic -> QueryHandlers.state(context, DuneCall.MAKE_PUBLIC);
            case listQueries -> DiscoveryHandlers.listQueries(context);
            case upsertMaterializedView -> MaterializedViewHandlers.upsert(flow);
            case getMaterializedView -> MaterializedViewHandlers.get(context);
            case listMaterializedViews -> MaterializedViewHandlers.list(context);
            case deleteMaterializedView -> MaterializedViewHandlers.delete(context);
            case refreshMaterializedView -> MaterializedViewHandlers.refresh(flow);
            case getPipeline -> PipelineHandlers.getPipeline(context);
            case executePipeline -> PipelineHandlers.executePipeline(context);
            case pipelineStatus -> PipelineHandlers.pipelineStatus(context);
            case runPipeline -> PipelineHandlers.runPipeline(flow, pipelines);
            case listDatasets -> DiscoveryHandlers.listDatasets(context);
            case getDataset -> DiscoveryHandlers.getDataset(context);
            case searchDatasets -> DiscoveryHandlers.searchDatasets(context);
            case searchDatasetsByContract -> DiscoveryHandlers.searchDatasetsByContract(context);
        };
    }

    /** What {@code from("dune:latestResults")} does at each poll. */
    public LatestResultsPoller latestResultsPoller() {
        return new LatestResultsHandler(flow);
    }

    /** What {@code from("dune:run")} does at each poll. */
    public RunPoller runPoller() {
        return new RunHandler(flow)::poll;
    }
}
