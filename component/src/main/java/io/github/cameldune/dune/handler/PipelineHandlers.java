package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DunePipelines;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DunePipelineFailedException;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.Pipeline;
import io.github.cameldune.dune.model.PipelineRun;
import io.github.cameldune.dune.model.PipelineStatus;
import io.github.cameldune.dune.waiting.PipelineWaiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/**
 * The handlers of pipelines: a query's pipeline, its execution (each node's expected cost reserved first when a budget
 * applies, from the pipeline read just before), a pipeline execution's status, and {@code runPipeline}, which executes,
 * waits without holding a thread, and puts every node's execution and final state on the message.
 */
final class PipelineHandlers {

    private PipelineHandlers() {}

    /** {@code dune:getPipeline}: the body becomes the query's {@link Pipeline}. */
    static OperationHandler getPipeline(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .pipelines()
                    .get(
                            MessageInput.queryId(in, context.config()),
                            MessageInput.queryParameters(in, context.config()),
                            MessageInput.performance(in, context.config()))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:executePipeline}: the body and the header become the pipeline execution's id. */
    static OperationHandler executePipeline(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return execute(context, in).thenAccept(id -> {
                in.setHeader(DuneConstants.PIPELINE_EXECUTION_ID, id);
                in.setBody(id);
            });
        };
    }

    /** {@code dune:pipelineStatus}: the body becomes the {@link PipelineStatus}. */
    static OperationHandler pipelineStatus(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .pipelines()
                    .status(CatalogInput.pipelineExecutionId(in, context.config()))
                    .thenAccept(status -> {
                        in.setHeader(DuneConstants.PIPELINE_EXECUTION_ID, status.pipelineExecutionId());
                        in.setHeader(DuneConstants.PIPELINE_STATUS, status.status());
                        in.setBody(status);
                    });
        };
    }

    /**
     * {@code dune:runPipeline}: executes the query's pipeline and waits for it; the message gets every node's
     * execution and state ({@code CamelDunePipelineNodes}), the query node's execution id and state, and as its body
     * the {@link PipelineRun}, or with {@code readResults} the query's rows. A node that did not complete fails the
     * exchange with {@link DunePipelineFailedException}.
     */
    static OperationHandler runPipeline(ExecutionFlow flow, PipelineWaiter waiter) {
        return exchange -> {
            Message in = exchange.getMessage();
            long queryId = MessageInput.queryId(in, flow.config);
            var options = MessageInput.resultOptions(in, flow.config);
            return execute(flow.context, in).thenCompose(id -> {
                in.setHeader(DuneConstants.PIPELINE_EXECUTION_ID, id);
                return waiter.await(flow.operation(), id, queryId, flow.waitPolicy())
                        .exceptionallyCompose(error -> {
                            // Dune cannot cancel a pipeline; cancelling its running node ends it
                            String node = Futures.cause(error) instanceof DuneException e ? e.getExecutionId() : null;
                            return node == null
                                    ? CompletableFuture.failedFuture(Futures.cause(error))
                                    : flow.cancelOnTimeout(error, node).thenApply(s -> (PipelineWaiter.Ended) null);
                        })
                        .thenCompose(ended -> {
                            PipelineRun run = outcome(id, ended);
                            in.setHeader(DuneConstants.PIPELINE_STATUS, run.status());
                            in.setHeader(DuneConstants.PIPELINE_NODES, run.nodes());
                            PipelineRun.Node own = own(run, queryId);
                            if (own != null && own.executionId() != null) {
                                OutputHeaders.executionId(in, own.executionId());
                                OutputHeaders.state(in, own.state());
                            }
                            PipelineRun.Node failed = failed(run, ended.pipeline());
                            if (failed != null) {
                                throw new DunePipelineFailedException(
                                        flow.operation(),
                                        queryId,
                                        id,
                                        failed,
                                        failed.error() != null
                                                ? failed.error()
                                                : ended.pipeline().error());
                            }
                            if (!flow.config.isReadResults() || own == null) {
                                in.setBody(run);
                                return CompletableFuture.completedFuture(null);
                            }
                            return flow.read(in, own.executionId(), options, flow.config.getOutputType());
                        });
            });
        };
    }

    /**
     * Sends the execute of the message's query's pipeline; with a budget, the pipeline is read first and each node's
     * expected cost reserved, so that a pipeline that does not fit sends nothing.
     */
    private static CompletableFuture<String> execute(EndpointContext context, Message in) {
        long queryId = MessageInput.queryId(in, context.config());
        Map<String, Object> parameters = MessageInput.queryParameters(in, context.config());
        String performance = MessageInput.performance(in, context.config());
        DunePipelines pipelines = context.client().pipelines();
        CompletableFuture<List<Pipeline.Node>> nodes = context.credits().hasBudget()
                ? pipelines.get(queryId, parameters, performance).thenApply(Pipeline::nodes)
                : CompletableFuture.completedFuture(List.of());
        return nodes.thenCompose(known -> context.credits()
                .pipeline(
                        known,
                        () -> pipelines.execute(queryId, parameters, performance),
                        context.client().withoutRetries().pipelines()::status));
    }

    /** Every node with its execution's final state (read from the execution itself), in Dune's order. */
    private static PipelineRun outcome(String pipelineExecutionId, PipelineWaiter.Ended ended) {
        List<PipelineRun.Node> nodes = new ArrayList<>();
        for (PipelineStatus.NodeExecution n : ended.pipeline().nodeExecutions()) {
            ExecutionStatus status = ended.nodes().get(n.id());
            ExecutionState state = status != null ? status.state() : null;
            String error = n.error();
            if (error == null && status != null && status.error() != null) {
                error = status.error().message();
            }
            nodes.add(new PipelineRun.Node(
                    n.id(),
                    n.queryId(),
                    n.materializedView(),
                    n.executionId(),
                    state,
                    status != null ? status.executionCostCredits() : null,
                    error));
        }
        return new PipelineRun(pipelineExecutionId, ended.pipeline().status(), List.copyOf(nodes));
    }

    /** The node that executes the query itself: the query node of that query, the last one if several. */
    private static PipelineRun.Node own(PipelineRun run, long queryId) {
        PipelineRun.Node own = null;
        for (PipelineRun.Node n : run.nodes()) {
            if (n.queryId() != null && n.queryId() == queryId) {
                own = n;
            }
        }
        return own;
    }

    /**
     * The node to name when the pipeline did not complete: the first that ended otherwise, else the first that never
     * started, else the last; null when the pipeline and every node completed.
     */
    private static PipelineRun.Node failed(PipelineRun run, PipelineStatus pipeline) {
        PipelineRun.Node notStarted = null;
        for (PipelineRun.Node n : run.nodes()) {
            if (n.state() != null && !ExecutionState.COMPLETED.equals(n.state())) {
                return n;
            }
            if (n.state() == null && notStarted == null) {
                notStarted = n;
            }
        }
        if (pipeline.isCompleted() && !pipeline.isFailed() && notStarted == null) {
            return null;
        }
        return notStarted != null || run.nodes().isEmpty()
                ? notStarted
                : run.nodes().get(run.nodes().size() - 1);
    }
}
