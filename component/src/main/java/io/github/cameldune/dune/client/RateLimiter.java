package io.github.cameldune.dune.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps requests under Dune's per-minute limits, counted apart as Dune counts them: the write bucket and the read
 * bucket ({@link DuneCall#bucket()}). Requests are spaced evenly, so no
 * minute ever holds more than the limit. A request asks for a slot and is told how long to wait; the waiting is the
 * caller's scheduled task, never a blocked thread.
 */
public final class RateLimiter {

    private final Bucket write;
    private final Bucket read;

    /**
     * @param writePerMinute requests per minute for execute and executeSql; 0 for no limit
     * @param readPerMinute  requests per minute for the other endpoints; 0 for no limit
     */
    public RateLimiter(int writePerMinute, int readPerMinute) {
        this(writePerMinute, readPerMinute, System::nanoTime);
    }

    RateLimiter(int writePerMinute, int readPerMinute, LongSupplier nanoClock) {
        this.write = new Bucket(writePerMinute, nanoClock);
        this.read = new Bucket(readPerMinute, nanoClock);
    }

    /** Takes the next slot of a bucket and says how long to wait for it (zero when it is free now). */
    public Duration reserve(DuneCall.Bucket bucket) {
        return (bucket == DuneCall.Bucket.WRITE ? write : read).reserve();
    }

    /** How long a request of the bucket would wait for its slot now, without taking one: the backlog. */
    public Duration backlog(DuneCall.Bucket bucket) {
        return (bucket == DuneCall.Bucket.WRITE ? write : read).backlog();
    }

    private static final class Bucket {
        private final long interval;
        private final LongSupplier clock;
        private final AtomicLong nextFree;

        Bucket(int perMinute, LongSupplier clock) {
            this.interval = perMinute <= 0 ? 0 : Duration.ofMinutes(1).toNanos() / perMinute;
            this.clock = clock;
            this.nextFree = new AtomicLong(clock.getAsLong());
        }

        Duration backlog() {
            return Duration.ofNanos(Math.max(0, nextFree.get() - clock.getAsLong()));
        }

        Duration reserve() {
            if (interval == 0) {
                return Duration.ZERO;
            }
            long now = clock.getAsLong();
            long slot = nextFree.getAndAccumulate(now, (free, t) -> Math.max(free, t) + interval);
            return Duration.ofNanos(Math.max(0, Math.max(slot, now) - now));
        }
    }
}
