package io.github.cameldune.dune.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paces requests from the rate limits Dune reports, so that replicas sharing one plan share its quota instead of each
 * keeping all of it. Every answer's {@code RateLimit} header ({@code "write";r=3;t=20}: 3 requests left in the window,
 * which resets in 20 s) updates its bucket; while more than three quarters of the quota ({@code RateLimit-Policy}'s {@code q}
 * per {@code w} seconds) is left, requests go at once; below that, this client sends at the plan's rate times its
 * share of the requests the window holds (its own over Dune's count, which includes every other client of the
 * account), so that replicas together keep to the plan; with nothing left they wait for the reset. The client-side
 * limiter stays an upper bound per replica.
 */
public final class ServerPacing {

    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*((?:;\\s*[a-z]+\\s*=\\s*\\d{1,9}\\s*)+)");
    private static final Pattern PARAM = Pattern.compile("([a-z]+)\\s*=\\s*(\\d{1,9})");

    private final LongSupplier clock;
    private final Bucket write;
    private final Bucket read;

    /** A pace for one component, from what Dune's answers say. */
    public ServerPacing() {
        this(System::nanoTime);
    }

    ServerPacing(LongSupplier clock) {
        this.clock = clock;
        this.write = new Bucket("write");
        this.read = new Bucket("read");
    }

    /** Takes what an answer of a request in {@code bucket} says of the limits; headers may be null. */
    void observe(DuneCall.Bucket bucket, String rateLimit, String policy) {
        if (rateLimit != null) {
            of(bucket).observe(rateLimit, policy, clock.getAsLong());
        }
    }

    /**
     * Zero when a request of the bucket may go now, by what Dune last said (it is then counted as sent); else how
     * long to wait before asking again. Asked just before sending, so that the answer is as fresh as it can be.
     */
    Duration delay(DuneCall.Bucket bucket) {
        return of(bucket).delay(clock.getAsLong());
    }

    private Bucket of(DuneCall.Bucket bucket) {
        return bucket == DuneCall.Bucket.WRITE ? write : read;
    }

    private static final class Bucket {
        private final String policy;
        /** Whether Dune has said anything of this bucket yet. */
        private boolean known;
        /** What Dune last said was left, less what this client sent since. */
        private long remaining;

        private long quota;
        private long window;
        private long resetAt;
        private long nextFree;
        /** When this client sent its requests of the bucket, over the last window. */
        private final java.util.ArrayDeque<Long> sent = new java.util.ArrayDeque<>();

        Bucket(String policy) {
            this.policy = policy;
        }

        synchronized void observe(String rateLimit, String policyHeader, long now) {
            long[] rt = entry(rateLimit, "r", "t");
            if (rt == null) {
                return;
            }
            known = true;
            remaining = rt[0];
            resetAt = now + Duration.ofSeconds(rt[1]).toNanos();
            long[] qw = policyHeader == null ? null : entry(policyHeader, "q", "w");
            if (qw != null) {
                quota = qw[0];
                window = Duration.ofSeconds(qw[1]).toNanos();
            }
        }

        synchronized Duration delay(long now) {
            while (!sent.isEmpty() && now - sent.peekFirst() >= Math.max(window, 1)) {
                sent.removeFirst();
            }
            if (known && remaining <= 0 && now < resetAt) {
                // nothing left: ask again after the reset, at a point of the plan's interval spread at random, so
                // that replicas waiting for the same reset do not all send at once
                long interval = quota > 0 && window > 0
                        ? window / quota
                        : Duration.ofMillis(100).toNanos();
                return Duration.ofNanos(
                        resetAt - now + ThreadLocalRandom.current().nextLong(Math.max(1, interval)));
            }
            if (known && quota > 0 && window > 0 && remaining * 4 <= quota * 3) {
                // three quarters of the quota or less left: the plan's rate times this client's share of what the
                // window holds, so that replicas together keep to the plan, each as busy as it has been
                if (now < nextFree) {
                    return Duration.ofNanos(nextFree - now);
                }
                long used = Math.max(quota - remaining, 1);
                double share = sent.isEmpty() ? 1 : Math.min(1.0, sent.size() / (double) Math.max(used, sent.size()));
                nextFree = now + (long) (window / (quota * share));
            }
            remaining--;
            sent.addLast(now);
            return Duration.ZERO;
        }

        /** The two parameters of this bucket's entry (or of the first entry that is not {@code ip}), or null. */
        private long[] entry(String header, String first, String second) {
            Matcher m = ENTRY.matcher(header);
            long[] fallback = null;
            while (m.find()) {
                long[] values = params(m.group(2), first, second);
                if (values == null) {
                    continue;
                }
                if (m.group(1).equals(policy)) {
                    return values;
                }
                if (fallback == null && !m.group(1).equals("ip")) {
                    fallback = values;
                }
            }
            return fallback;
        }

        private static long[] params(String text, String first, String second) {
            long a = -1;
            long b = -1;
            Matcher p = PARAM.matcher(text);
            while (p.find()) {
                if (p.group(1).equals(first)) {
                    a = Long.parseLong(p.group(2));
                } else if (p.group(1).equals(second)) {
                    b = Long.parseLong(p.group(2));
                }
            }
            return a < 0 || b < 0 ? null : new long[] {a, b};
        }
    }
}
