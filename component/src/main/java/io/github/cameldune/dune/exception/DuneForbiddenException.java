package io.github.cameldune.dune.exception;

/** 403 Forbidden: the key may not run this query (archived, unsaved or private to another account). */
public class DuneForbiddenException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneForbiddenException(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
