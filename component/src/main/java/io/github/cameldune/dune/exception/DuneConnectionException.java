package io.github.cameldune.dune.exception;

/** No answer: the connection failed or the response did not arrive in time. */
public class DuneConnectionException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneConnectionException(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
