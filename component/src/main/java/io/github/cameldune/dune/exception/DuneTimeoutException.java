package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionState;
import java.time.Duration;

/**
 * The execution did not finish within {@code waitTimeout}. camel-dune never executes again on a timeout: the execution
 * may still be running (and billing) on Dune; with {@code cancelOnTimeout=true} it was cancelled first. The execution
 * id is here and on the message, to fetch the result later.
 */
public class DuneTimeoutException extends DuneExecutionException {

    private final Duration waited;
    private final boolean cancelled;

    /**
     * @param state     the last state seen
     * @param waited    how long camel-dune waited
     * @param cancelled whether the execution was cancelled
     */
    public DuneTimeoutException(
            String operation,
            Long queryId,
            String executionId,
            ExecutionState state,
            Duration waited,
            boolean cancelled) {
        this(operation, queryId, executionId, state, waited, cancelled, false);
    }

    private DuneTimeoutException(
            String operation,
            Long queryId,
            String executionId,
            ExecutionState state,
            Duration waited,
            boolean cancelled,
            boolean cancelTried) {
        super(
                operation,
                queryId,
                executionId,
                state,
                " did not finish within " + waited.toMillis() + " ms ("
                        + (state == null ? "no status received" : "last state " + state) + "); "
                        + (cancelled
                                ? "it was cancelled"
                                : cancelTried
                                        ? "cancelling it did not succeed: it may still be running, fetch it later "
                                                + "with its execution id"
                                        : "it may still be running: fetch it later with its execution id, or set "
                                                + "cancelOnTimeout=true"));
        this.waited = waited;
        this.cancelled = cancelled;
    }

    /** The same timeout, after camel-dune tried to cancel the execution. */
    public DuneTimeoutException afterCancel(boolean wasCancelled) {
        return new DuneTimeoutException(
                getOperation(), getQueryId(), getExecutionId(), getState(), waited, wasCancelled, true);
    }

    /** How long camel-dune waited. */
    public Duration getWaited() {
        return waited;
    }

    /** Whether camel-dune cancelled the execution before giving up. */
    public boolean isCancelled() {
        return cancelled;
    }
}
