package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionError;
import io.github.cameldune.dune.model.ExecutionState;

/**
 * An execution that did not end with a readable result: failed, cancelled, expired, partial, or not finished in time.
 * The message holds the execution id, so a route's error handler can still fetch status or results later.
 */
public class DuneExecutionException extends DuneApiException {

    /** An exception with its own message; the failure carries the execution id and state. */
    public DuneExecutionException(Failure failure, String message) {
        super(failure, message, null);
    }

    /**
     * The exception for an execution in a state that has no readable result, or null when the result can be read
     * (COMPLETED, or COMPLETED_PARTIAL when partial results are allowed).
     */
    public static DuneExecutionException forState(String operation, Long queryId, String executionId,
            ExecutionState state, ExecutionError error, boolean allowPartialResults) {
        if (ExecutionState.COMPLETED.equals(state)
                || ExecutionState.COMPLETED_PARTIAL.equals(state) && allowPartialResults) {
            return null;
        }
        Failure f = new Failure(operation, queryId, executionId, 200, error == null ? null : error.message(), null,
                state);
        if (ExecutionState.FAILED.equals(state)) {
            return new DuneExecutionFailedException(f, error);
        }
        if (ExecutionState.CANCELLED.equals(state)) {
            return new DuneExecutionCancelledException(f);
        }
        if (ExecutionState.EXPIRED.equals(state)) {
            return new DuneExecutionExpiredException(f);
        }
        if (ExecutionState.COMPLETED_PARTIAL.equals(state)) {
            return new DunePartialResultException(f);
        }
        return new DuneExecutionException(f, head(f) + " has no result yet: it is " + state
                + "; wait for it with dune:run, or poll dune:status until it is finished");
    }

    /** The message head: {@code Dune run: execution 01... (queryId=1)}. */
    protected static String head(Failure f) {
        return "Dune " + f.operation() + ": execution " + f.executionId()
                + (f.queryId() != null ? " of query " + f.queryId() : "");
    }
}
