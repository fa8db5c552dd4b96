package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.PipelineRun;

/**
 * A pipeline that did not complete: the node that failed (or was cancelled, or never started) is named, with its
 * execution when it had one, and the pipeline execution. Every node's outcome is on the message, in
 * {@code CamelDunePipelineNodes}.
 */
public class DunePipelineFailedException extends DuneExecutionException {

    private final String pipelineExecutionId;
    private final PipelineRun.Node node;

    /**
     * @param queryId the query whose pipeline it is
     * @param node    the node that failed
     * @param error   why, as Dune says (the node's or the pipeline's error), or null
     */
    public DunePipelineFailedException(
            String operation, Long queryId, String pipelineExecutionId, PipelineRun.Node node, String error) {
        super(
                operation,
                queryId,
                node.executionId(),
                node.state() == null ? ExecutionState.FAILED : node.state(),
                " in pipeline execution " + pipelineExecutionId + ": node " + node.id() + " ("
                        + (node.materializedView() != null
                                ? "refresh of " + node.materializedView()
                                : "query " + node.queryId())
                        + (node.executionId() == null ? ", not started" : ", " + node.state())
                        + ")" + (error == null || error.isBlank() ? " did not complete" : " failed: " + error));
        this.pipelineExecutionId = pipelineExecutionId;
        this.node = node;
    }

    /** The pipeline execution. */
    public String getPipelineExecutionId() {
        return pipelineExecutionId;
    }

    /** The node that did not complete: its id, view or query, execution and state. */
    public PipelineRun.Node getNode() {
        return node;
    }
}
