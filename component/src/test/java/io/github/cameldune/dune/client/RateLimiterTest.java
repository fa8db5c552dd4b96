package io.github.cameldune.dune.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Evenly spaced slots per bucket, the two buckets apart, on a fake clock. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(15, 60, now::get);

    @Test
    void requestsAreSpacedToTheLimitPerBucket() {
        assertThat(limiter.reserve(true)).isZero();
        assertThat(limiter.reserve(true)).isEqualTo(Duration.ofSeconds(4));
        assertThat(limiter.reserve(true)).isEqualTo(Duration.ofSeconds(8));
        assertThat(limiter.reserve(false)).as("reads count apart").isZero();
        assertThat(limiter.reserve(false)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anIdleBucketDoesNotSaveUpABurst() {
        limiter.reserve(false);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(limiter.reserve(false)).isZero();
        assertThat(limiter.reserve(false)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noLimitNeverWaits() {
        RateLimiter none = new RateLimiter(0, 0, now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(none.reserve(i % 2 == 0)).isZero();
        }
    }
}
