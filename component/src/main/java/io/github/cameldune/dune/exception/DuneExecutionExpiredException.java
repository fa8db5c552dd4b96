package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionState;

/** The execution is {@code QUERY_STATE_EXPIRED}: its result is no longer stored. */
public class DuneExecutionExpiredException extends DuneExecutionException {

    /** An execution of a query (null for SQL) whose result expired. */
    public DuneExecutionExpiredException(String operation, Long queryId, String executionId) {
        super(
                operation,
                queryId,
                executionId,
                ExecutionState.EXPIRED,
                " has expired: its result is no longer stored; execute again");
    }
}
