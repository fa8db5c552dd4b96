package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneRateLimitException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed request is sent again: only after a {@linkplain DuneApiException#isTransient() transient} failure,
 * and for a {@linkplain DuneCall#isWrite() write} only when Dune {@linkplain DuneApiException#isNothingDone() certainly
 * did nothing} (a 429, a connection that never opened), unless {@code retryExecuteOnServerError} says so (which can
 * bill twice). Delays grow exponentially with jitter, at least Dune's {@code Retry-After} (or {@code RateLimit} reset),
 * within {@code maxDelay}.
 *
 * @param maxRetries                how many times a request is sent again at the most (0: never)
 * @param initialDelay              the delay before the first retry
 * @param maxDelay                  the longest delay between two attempts
 * @param retryExecuteOnServerError also resend a write after a failure that may hide a success
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, boolean retryExecuteOnServerError) {

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false);

    /** Whether the failed attempt number {@code attempt} (0-based) of a call may be sent again. */
    public boolean shouldRetry(DuneApiException failure, DuneCall call, int attempt) {
        if (attempt >= maxRetries || !failure.isTransient()) {
            return false;
        }
        return !call.isWrite() || failure.isNothingDone() || retryExecuteOnServerError;
    }

    /** The pause before the next attempt: exponential with jitter, at least what Dune asked for. */
    public Duration delay(DuneApiException failure, int attempt) {
        long base = initialDelay.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
        // jitter: clients that failed together do not all come back together
        long jittered = capped / 2 + (capped > 1 ? ThreadLocalRandom.current().nextLong(capped / 2 + 1) : 0);
        Duration wait = Duration.ofMillis(jittered);
        if (failure instanceof DuneRateLimitException limited
                && limited.getRetryAfter() != null
                && limited.getRetryAfter().compareTo(wait) > 0) {
            wait = limited.getRetryAfter();
        }
        // a Retry-After of a day (or of Long.MAX_VALUE seconds) must not hold the exchange: maxDelay is the bound
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }
}
