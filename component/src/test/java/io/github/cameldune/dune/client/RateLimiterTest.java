package io.github.cameldune.dune.client;

import static io.github.cameldune.dune.client.DuneCall.Bucket.READ;
import static io.github.cameldune.dune.client.DuneCall.Bucket.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Evenly spaced slots per bucket, the two buckets apart, on a fake clock. */
@Timeout(120)
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(15, 60, now::get);

    @Test
    void requestsAreSpacedToTheLimitPerBucket() {
        assertThat(limiter.reserve(WRITE)).isZero();
        assertThat(limiter.reserve(WRITE)).isEqualTo(Duration.ofSeconds(4));
        assertThat(limiter.reserve(WRITE)).isEqualTo(Duration.ofSeconds(8));
        assertThat(limiter.reserve(READ)).as("reads count apart").isZero();
        assertThat(limiter.reserve(READ)).isEqualTo(Duration.ofSeconds(1));
        // the next write waits 12 s: the backlog says so without taking the slot
        assertThat(limiter.backlog(WRITE)).isEqualTo(Duration.ofSeconds(12));
        assertThat(limiter.backlog(WRITE)).isEqualTo(Duration.ofSeconds(12));
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limiter.backlog(WRITE)).isZero();
    }

    @Test
    void anIdleBucketDoesNotSaveUpABurst() {
        limiter.reserve(READ);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(limiter.reserve(READ)).isZero();
        assertThat(limiter.reserve(READ)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noLimitNeverWaits() {
        RateLimiter none = new RateLimiter(0, 0, now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(none.reserve(i % 2 == 0 ? WRITE : READ)).isZero();
        }
    }
}
