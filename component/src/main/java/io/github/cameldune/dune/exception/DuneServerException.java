package io.github.cameldune.dune.exception;

/** 5xx: Dune failed to answer the request; for execute the execution may have been created anyway. */
public class DuneServerException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneServerException(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
