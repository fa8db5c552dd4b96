package io.github.cameldune.dune.exception;

/** The execution is {@code QUERY_STATE_EXPIRED}. */
public class DuneExecutionExpiredException extends DuneExecutionException {

    /** The failure carries the execution id and state. */
    public DuneExecutionExpiredException(Failure failure) {
        super(failure, head(failure) + "  its result is no longer stored; execute again:has expired: its result is no longer stored");
    }
}
