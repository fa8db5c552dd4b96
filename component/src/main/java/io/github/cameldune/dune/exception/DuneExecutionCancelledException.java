package io.github.cameldune.dune.exception;

/** The execution ended {@code QUERY_STATE_CANCELLED}. */
public class DuneExecutionCancelledException extends DuneExecutionException {

    /** The failure carries the execution id and state. */
    public DuneExecutionCancelledException(Failure failure) {
        super(failure, head(failure) + "  someone cancelled it:was cancelled");
    }
}
