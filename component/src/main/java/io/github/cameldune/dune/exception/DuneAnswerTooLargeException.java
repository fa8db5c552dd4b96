package io.github.cameldune.dune.exception;

/**
 * An answer larger than the component's {@code maxAnswerSize}: the request was aborted and its connection dropped
 * before the body filled the heap. Sending the same request again would get the same answer, so it is not retried.
 */
public class DuneAnswerTooLargeException extends DuneApiException {

    /** An exception for a failure, with its cause. */
    public DuneAnswerTooLargeException(Failure failure, Throwable cause) {
        super(
                failure,
                "Dune " + failure.call().operationName() + ids(failure.queryId(), failure.executionId()) + ": "
                        + failure.duneError(),
                cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
