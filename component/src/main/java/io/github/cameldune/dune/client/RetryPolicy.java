package io.github.cameldune.dune.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.hc.client5.http.ConnectTimeoutException;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneConnectionException;
import io.github.cameldune.dune.exception.DuneRateLimitException;

/**
 * When a failed request is sent again. Reads (status, results, CSV) and cancel are retried on 429, 502, 503, 504 and
 * on no answer. An execute is retried only where no execution can have been created: on 429, or when the connection
 * failed before the request was sent; after a 5xx or a read timeout it may exist, so it is not sent again unless
 * {@code retryExecuteOnServerError} says so (which can bill twice). Delays grow exponentially with jitter, at least
 * Dune's {@code Retry-After} (or {@code RateLimit} reset), within {@code maxDelay}.
 *
 * @param maxRetries                how many times a request is sent again at the most (0: never)
 * @param initialDelay              the delay before the first retry
 * @param maxDelay                  the longest delay between two attempts
 * @param retryExecuteOnServerError also resend an execute after a 5xx or a lost answer
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay,
        boolean retryExecuteOnServerError) {

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false);

    /** Whether the failed attempt number {@code attempt} (0-based) of a request may be sent again. */
    boolean shouldRetry(DuneApiException failure, boolean execute, int attempt) {
        if (attempt >= maxRetries) {
            return false;
        }
        int status = failure.getHttpResponseCode();
        if (status == 429) {
            return true;
        }
        if (failure instanceof DuneConnectionException) {
            return !execute || retryExecuteOnServerError || notSent(failure.getCause());
        }
        boolean transientServerError = status == 502 || status == 503 || status == 504;
        if (execute) {
            return retryExecuteOnServerError && (transientServerError || status == 500);
        }
        return transientServerError;
    }

    /** The pause before the next attempt: exponential with jitter, at least what Dune asked for. */
    Duration delay(DuneApiException failure, int attempt) {
        long base = initialDelay.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
        // jitter: clients that failed together do not all come back together
        long jittered = capped / 2 + (capped > 1 ? ThreadLocalRandom.current().nextLong(capped / 2 + 1) : 0);
        Duration wait = Duration.ofMillis(jittered);
        if (failure instanceof DuneRateLimitException limited && limited.getRetryAfter() != null
                && limited.getRetryAfter().compareTo(wait) > 0) {
            wait = limited.getRetryAfter();
        }
        return wait;
    }

    /** A connection that failed before any byte of the request left: nothing can have been executed. */
    static boolean notSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException;
    }
}
