package io.github.cameldune.dune.exception;

/** 401 Unauthorized: the API key is missing or invalid. */
public class DuneAuthenticationException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneAuthenticationException(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
