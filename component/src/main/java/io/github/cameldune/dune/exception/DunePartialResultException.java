package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionState;

/**
 * The execution ended {@code QUERY_STATE_COMPLETED_PARTIAL}: the result was too large and Dune kept only part of it.
 * Set {@code allowPartialResults=true} to receive the truncated rows.
 */
public class DunePartialResultException extends DuneExecutionException {

    /** An execution of a query (null for SQL) whose result was truncated. */
    public DunePartialResultException(String operation, Long queryId, String executionId) {
        super(
                operation,
                queryId,
                executionId,
                ExecutionState.COMPLETED_PARTIAL,
                " completed with a truncated "
                        + "(partial) result; set allowPartialResults=true to fetch the partial rows, e.g. "
                        + "dune:results?allowPartialResults=true with CamelDuneExecutionId=" + executionId);
    }
}
