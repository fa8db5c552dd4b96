package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * A pipeline execution's status ({@code GET /v1/pipelines/executions/{id}/status}): the body after
 * {@code dune:pipelineStatus}. Dune documents the overall values {@code pending}, {@code executing} and
 * {@code completed}; a failure or a cancel is read from {@code error} and from the nodes, since their values are not
 * documented.
 *
 * @param pipelineExecutionId the pipeline execution (set by camel-dune: Dune's answer does not repeat it)
 * @param status              the overall status
 * @param error               why it failed, or null
 * @param nodeExecutions      one entry per node
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineStatus(
        @JsonProperty("pipeline_execution_id") String pipelineExecutionId,
        @JsonProperty("status") String status,
        @JsonProperty("error") String error,
        @JsonProperty("node_executions") List<NodeExecution> nodeExecutions)
        implements DuneModel {

    /** The same status, naming its pipeline execution. */
    public PipelineStatus withPipelineExecutionId(String id) {
        return new PipelineStatus(id, status, error, nodeExecutions == null ? List.of() : nodeExecutions);
    }

    /** Whether the pipeline ended: completed, or failed or cancelled (an error, or a node that did). */
    public boolean isFinished() {
        return isCompleted() || isFailed();
    }

    /** Whether every node completed, as Dune says. */
    public boolean isCompleted() {
        return "completed".equalsIgnoreCase(status);
    }

    /** Whether it ended otherwise: an error, a failed or cancelled pipeline, or a node that failed or was cancelled. */
    public boolean isFailed() {
        if (error != null && !error.isBlank() || stopped(status)) {
            return true;
        }
        return nodeExecutions != null && nodeExecutions.stream().anyMatch(n -> stopped(n.status()));
    }

    private static boolean stopped(String value) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return v.contains("fail") || v.contains("cancel") || v.contains("expired");
    }

    /**
     * One node's execution: exactly one of {@code queryExecutionStatus} and {@code materializedViewRefreshStatus}.
     *
     * @param id                            the node's id
     * @param queryExecutionStatus          a query node's execution, or null
     * @param materializedViewRefreshStatus a view node's refresh, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NodeExecution(
            @JsonProperty("id") int id,
            @JsonProperty("query_execution_status") NodeStatus queryExecutionStatus,

            @JsonProperty("materialized_view_refresh_status")
            NodeStatus materializedViewRefreshStatus) {

        /** The node's own part, whichever kind it is. */
        private NodeStatus own() {
            return queryExecutionStatus != null ? queryExecutionStatus : materializedViewRefreshStatus;
        }

        /** The node's execution, once it started; null before. */
        public String executionId() {
            NodeStatus own = own();
            return own == null ? null : own.executionId();
        }

        /** The node's status as Dune reports it, e.g. {@code pending}. */
        public String status() {
            NodeStatus own = own();
            return own == null ? null : own.status();
        }

        /** Why the node failed, or null. */
        public String error() {
            NodeStatus own = own();
            return own == null ? null : own.error();
        }

        /** The view a view node refreshes, or null. */
        public String materializedView() {
            return materializedViewRefreshStatus == null ? null : materializedViewRefreshStatus.name();
        }

        /** The query a query node executes, or null. */
        public Long queryId() {
            return queryExecutionStatus == null ? null : queryExecutionStatus.queryId();
        }
    }

    /**
     * A node's status.
     *
     * @param status      as Dune reports it
     * @param queryId     a query node's query
     * @param name        a view node's full name
     * @param executionId its execution, once it started
     * @param error       why it failed, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NodeStatus(
            @JsonProperty("status") String status,
            @JsonProperty("query_id") Long queryId,
            @JsonProperty("name") String name,
            @JsonProperty("execution_id") String executionId,
            @JsonProperty("error") String error) {}
}
