package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionState;

/** The execution ended {@code QUERY_STATE_CANCELLED}. */
public class DuneExecutionCancelledException extends DuneExecutionException {

    /** An execution of a query (null for SQL) that was cancelled. */
    public DuneExecutionCancelledException(String operation, Long queryId, String executionId) {
        super(operation, queryId, executionId, ExecutionState.CANCELLED, " was cancelled");
    }
}
