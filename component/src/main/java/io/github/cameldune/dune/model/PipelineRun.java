package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How a pipeline run by {@code dune:runPipeline} ended: each node's execution and its final state, as the node's own
 * execution status reports it. The {@code CamelDunePipelineNodes} header, and the body unless the query's rows were
 * asked for.
 *
 * @param pipelineExecutionId the pipeline execution
 * @param status              the pipeline's overall status, as Dune last reported it
 * @param nodes               every node, in Dune's order
 */
public record PipelineRun(
        @JsonProperty("pipeline_execution_id") String pipelineExecutionId,
        @JsonProperty("status") String status,
        @JsonProperty("nodes") List<Node> nodes)
        implements DuneModel {

    /**
     * One node.
     *
     * @param id               its id in the pipeline
     * @param queryId          the query it executes, or null for a view's refresh
     * @param materializedView the view it refreshes, or null for a query
     * @param executionId      its execution, or null when it never started
     * @param state            its execution's final state, or null when it never started
     * @param credits          what its execution cost, as its status reports it, or null
     * @param error            why it failed, or null
     */
    public record Node(
            @JsonProperty("id") int id,
            @JsonProperty("query_id") Long queryId,
            @JsonProperty("materialized_view") String materializedView,
            @JsonProperty("execution_id") String executionId,
            @JsonProperty("state") ExecutionState state,
            @JsonProperty("execution_cost_credits") java.math.BigDecimal credits,
            @JsonProperty("error") String error) {}
}
