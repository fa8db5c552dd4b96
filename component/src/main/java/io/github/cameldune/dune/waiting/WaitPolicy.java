package io.github.cameldune.dune.waiting;

import java.time.Duration;

/**
 * When to poll an execution's status. The first poll comes after {@code initialDelay}; then the interval grows with the
 * time already waited (a tenth of it), from {@code interval} up to {@code maxInterval}, so a long execution costs few
 * requests and is noticed at most about a tenth of its duration late. After {@code timeout} the wait gives up.
 *
 * @param initialDelay before the first poll
 * @param interval     the shortest interval between polls
 * @param maxInterval  the longest interval between polls
 * @param timeout      how long to wait in all
 * @param longWait     a wait longer than this is logged once at INFO; null never
 */
public record WaitPolicy(
        Duration initialDelay, Duration interval, Duration maxInterval, Duration timeout, Duration longWait) {

    /** A policy that never logs a long wait. */
    public WaitPolicy(Duration initialDelay, Duration interval, Duration maxInterval, Duration timeout) {
        this(initialDelay, interval, maxInterval, timeout, null);
    }

    /** Checks the durations. */
    public WaitPolicy {
        if (initialDelay.isNegative() || interval.isNegative() || interval.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("poll delays must be positive and the timeout not negative");
        }
        if (maxInterval.compareTo(interval) < 0) {
            maxInterval = interval;
        }
    }

    /**
     * The pause before the first poll of a new execution.
     *
     * @param expected how long the query is expected to run, or null
     */
    public Duration firstDelay(Duration expected) {
        if (expected == null) {
            return initialDelay;
        }
        // a little past the expected end: an execution as long as the last one is then found finished
        Duration atExpectedEnd = expected.plus(expected.dividedBy(20));
        return atExpectedEnd.compareTo(initialDelay) > 0 ? atExpectedEnd : initialDelay;
    }

    /**
     * The pause before the next poll of an execution whose run time is expected to be about {@code expected}: the
     * interval, unless the execution has started (after {@code queued} in Dune's queue) and should end later than
     * that, in which case the poll waits for its expected end (a twentieth late, as the first poll).
     *
     * @param expected how long the query is expected to run, or null
     * @param queued   how long the execution waited in Dune's queue, or null while it is still queued
     */
    public Duration nextDelay(Duration elapsed, Duration expected, Duration queued) {
        Duration interval = nextDelay(elapsed);
        if (expected == null || queued == null) {
            return interval;
        }
        Duration running = elapsed.minus(queued.isNegative() ? Duration.ZERO : queued);
        Duration left = firstDelay(expected).minus(running);
        return left.compareTo(interval) > 0 ? left : interval;
    }

    /** The pause before the next poll, after waiting {@code elapsed} so far. */
    public Duration nextDelay(Duration elapsed) {
        Duration proportional = elapsed.dividedBy(10);
        if (proportional.compareTo(interval) < 0) {
            return interval;
        }
        return proportional.compareTo(maxInterval) > 0 ? maxInterval : proportional;
    }
}
