package io.github.cameldune.dune.exception;

/** 402 Payment Required: the request would exceed the account's credits or billing limits. */
public class DunePaymentRequiredException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DunePaymentRequiredException(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
