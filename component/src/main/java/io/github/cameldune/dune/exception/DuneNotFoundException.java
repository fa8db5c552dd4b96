package io.github.cameldune.dune.exception;

/** 404 Not Found: no such query or execution, or no result for the latest version of a query. */
public class DuneNotFoundException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneNotFoundException(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
