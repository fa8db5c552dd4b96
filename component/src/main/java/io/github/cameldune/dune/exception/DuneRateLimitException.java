package io.github.cameldune.dune.exception;

import java.time.Duration;

/** 429 Too Many Requests: the plan's rate limit was reached; {@link #getRetryAfter()} says how long to wait. */
public class DuneRateLimitException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneRateLimitException(Failure failure, Throwable cause) {
        super(failure, cause);
    }

    /** How long Dune asked to wait: its {@code Retry-After}, else its {@code RateLimit} reset, or null. */
    public Duration getRetryAfter() {
        return getFailure().retryAfter();
    }
}
