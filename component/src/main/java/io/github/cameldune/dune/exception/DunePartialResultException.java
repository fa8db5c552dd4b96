package io.github.cameldune.dune.exception;

/**
 * The execution ended {@code QUERY_STATE_COMPLETED_PARTIAL}: the result was too large and Dune kept only part of it.
 * Set {@code allowPartialResults=true} to receive the truncated rows.
 */
public class DunePartialResultException extends DuneExecutionException {

    /** The failure carries the execution id and state. */
    public DunePartialResultException(Failure failure) {
        super(failure, head(failure) + " completed with a truncated (partial) result; set allowPartialResults=true"
                + " to fetch the partial rows, e.g. dune:results?allowPartialResults=true with "
                + "CamelDuneExecutionId=" + failure.executionId());
    }
}
