package io.github.cameldune.emulator.faults;

import io.github.cameldune.emulator.ApiEndpoint;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Dune's per-plan rate limits: a write bucket (execute) and a read bucket (everything else), each a quota of requests
 * per window (a minute on Dune; shorter in tests). A request over the quota is answered 429 with {@code Retry-After};
 * every answer carries {@code RateLimit-Policy} and {@code RateLimit} headers for its bucket. Off until set.
 */
public final class RateLimits {

    private volatile Limit write;
    private volatile Limit read;

    /** Limits requests to the write bucket (execute, raw SQL) to {@code quota} per {@code window}; 0 turns it off. */
    public RateLimits write(int quota, Duration window) {
        write = quota <= 0 ? null : new Limit("write", quota, window);
        return this;
    }

    /** Limits requests to the read bucket (status, results, cancel) to {@code quota} per {@code window}. */
    public RateLimits read(int quota, Duration window) {
        read = quota <= 0 ? null : new Limit("read", quota, window);
        return this;
    }

    /** Dune's Free plan: 15 writes and 40 reads a minute. */
    public RateLimits freePlan() {
        return write(15, Duration.ofMinutes(1)).read(40, Duration.ofMinutes(1));
    }

    /** No limits. */
    public void clear() {
        write = null;
        read = null;
    }

    /** The write bucket's quota per window, or 0 when it is off. */
    public int writeQuota() {
        Limit l = write;
        return l == null ? 0 : l.quota;
    }

    /** The read bucket's quota per window, or 0 when it is off. */
    public int readQuota() {
        Limit l = read;
        return l == null ? 0 : l.quota;
    }

    /** The window of the limits in force (a minute when none is). */
    public Duration window() {
        Limit l = write != null ? write : read;
        return l == null ? Duration.ofMinutes(1) : Duration.ofNanos(l.windowNanos);
    }

    /**
     * Counts a request to an endpoint.
     *
     * @param headers receives the RateLimit headers (and Retry-After when refused)
     * @return true when the request is within its quota
     */
    public boolean admit(ApiEndpoint endpoint, Map<String, String> headers) {
        Limit limit = endpoint.bucket() == ApiEndpoint.Bucket.WRITE ? write : read;
        return limit == null || limit.admit(headers);
    }

    private static final class Limit {
        private final String policy;
        private final int quota;
        private final long windowNanos;
        private final Deque<Long> admitted = new ArrayDeque<>();

        Limit(String policy, int quota, Duration window) {
            this.policy = policy;
            this.quota = quota;
            this.windowNanos = window.toNanos();
        }

        synchronized boolean admit(Map<String, String> headers) {
            long now = System.nanoTime();
            while (!admitted.isEmpty() && now - admitted.peekFirst() >= windowNanos) {
                admitted.removeFirst();
            }
            boolean ok = admitted.size() < quota;
            if (ok) {
                admitted.addLast(now);
            }
            long resetNanos = admitted.isEmpty() ? 0 : windowNanos - (now - admitted.peekFirst());
            long resetSeconds = Math.max(1, (resetNanos + 999_999_999L) / 1_000_000_000L);
            headers.put(
                    "RateLimit-Policy",
                    "\"" + policy + "\";q=" + quota + ";w=" + Math.max(1, windowNanos / 1_000_000_000L));
            headers.put("RateLimit", "\"" + policy + "\";r=" + (quota - admitted.size()) + ";t=" + resetSeconds);
            if (!ok) {
                headers.put("Retry-After", String.valueOf(resetSeconds));
            }
            return ok;
        }
    }
}
