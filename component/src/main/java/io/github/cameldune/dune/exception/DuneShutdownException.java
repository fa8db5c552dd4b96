package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionState;

/**
 * camel-dune stopped while the exchange was still waiting for this execution (Camel's shutdown timeout forced the
 * stop). The execution may still be running on Dune, and billing; with {@code cancelOnTimeout=true} a cancel was sent.
 * The execution id is here and on the message, to fetch the result later.
 */
public class DuneShutdownException extends DuneExecutionException {

    /** A wait ended by the stop of the component. */
    public DuneShutdownException(String operation, Long queryId, String executionId, ExecutionState state) {
        super(
                operation,
                queryId,
                executionId,
                state,
                " was still being waited for when camel-dune stopped ("
                        + (state == null ? "no status received" : "last state " + state)
                        + "); it may still be running: fetch it later with its execution id");
    }
}
