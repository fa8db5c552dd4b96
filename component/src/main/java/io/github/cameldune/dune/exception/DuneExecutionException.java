package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionError;
import io.github.cameldune.dune.model.ExecutionState;

/**
 * An execution that did not end with a readable result: failed, cancelled, expired, partial, or not finished in time.
 * No call failed, so there is no HTTP status; the execution id and its last known state are here (and on the
 * message), so a route's error handler can still fetch status or results later.
 */
public class DuneExecutionException extends DuneException {

    private final ExecutionState state;

    /**
     * @param operation the camel-dune operation, e.g. {@code run}
     * @param state     the execution's last known state
     * @param why       what is wrong, after the head naming the execution
     */
    public DuneExecutionException(
            String operation, Long queryId, String executionId, ExecutionState state, String why) {
        this(operation, queryId, executionId, state, why, null);
    }

    /** An execution camel-dune could not follow to its end, for the reason in {@code cause}. */
    public DuneExecutionException(
            String operation, Long queryId, String executionId, ExecutionState state, String why, Throwable cause) {
        super(head(operation, queryId, executionId) + why, cause, operation, queryId, executionId);
        this.state = state;
    }

    /**
     * The exception for an execution in a state that has no readable result, or null when the result can be read
     * (COMPLETED, or COMPLETED_PARTIAL when partial results are allowed).
     */
    public static DuneExecutionException forState(
            String operation,
            Long queryId,
            String executionId,
            ExecutionState state,
            ExecutionError error,
            boolean allowPartialResults) {
        if (ExecutionState.COMPLETED.equals(state)
                || ExecutionState.COMPLETED_PARTIAL.equals(state) && allowPartialResults) {
            return null;
        }
        if (ExecutionState.FAILED.equals(state)) {
            return new DuneExecutionFailedException(operation, queryId, executionId, error);
        }
        if (ExecutionState.CANCELLED.equals(state)) {
            return new DuneExecutionCancelledException(operation, queryId, executionId);
        }
        if (ExecutionState.EXPIRED.equals(state)) {
            return new DuneExecutionExpiredException(operation, queryId, executionId);
        }
        if (ExecutionState.COMPLETED_PARTIAL.equals(state)) {
            return new DunePartialResultException(operation, queryId, executionId);
        }
        return new DuneExecutionException(
                operation,
                queryId,
                executionId,
                state,
                " has no result yet: it is " + state
                        + "; wait for it with dune:run, or poll dune:status until it is finished");
    }

    /** The execution's last known state. */
    public ExecutionState getState() {
        return state;
    }

    /** The message head: {@code Dune run: execution 01... of query 1}, or {@code Dune run: query 1} before one. */
    private static String head(String operation, Long queryId, String executionId) {
        if (executionId == null) {
            return "Dune " + operation + ":" + (queryId != null ? " query " + queryId : "");
        }
        return "Dune " + operation + ": execution " + executionId + (queryId != null ? " of query " + queryId : "");
    }
}
