package io.github.cameldune.dune.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A WARN at the start of a burst of like events (retries, rate-limit waits), and the rest of the burst counted into
 * the next one, so that an outage that makes a thousand requests retry is a line every quiet period, not a thousand.
 */
final class BurstWarning {

    private final Logger log;
    private final long quietNanos;
    private final AtomicLong lastWarned;
    private final AtomicInteger unlogged = new AtomicInteger();

    /** @param quiet how long after a warning like events are only counted */
    BurstWarning(Logger log, Duration quiet) {
        this.log = log;
        this.quietNanos = quiet.toNanos();
        this.lastWarned = new AtomicLong(System.nanoTime() - quietNanos);
    }

    /** Warns, unless a warning of this kind was given within the quiet period; then the event is counted. */
    void warn(String message) {
        long now = System.nanoTime();
        long last = lastWarned.get();
        if (now - last >= quietNanos && lastWarned.compareAndSet(last, now)) {
            int more = unlogged.getAndSet(0);
            log.warn(more == 0 ? message : message + " (and " + more + " more like it since the last warning)");
        } else {
            unlogged.incrementAndGet();
            log.debug(message);
        }
    }
}
