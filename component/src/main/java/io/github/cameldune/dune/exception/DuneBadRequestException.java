package io.github.cameldune.dune.exception;

/** 400 Bad Request: Dune refused the request as it was sent (unknown parameters, a malformed id or body). */
public class DuneBadRequestException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneBadRequestException(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
