package io.github.cameldune.dune.client;

import io.github.cameldune.dune.metrics.DuneMetrics;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the endpoints of one component share to talk to Dune: where waits are scheduled, the rate limiter, the record
 * of work in flight and the gate that bounds it, the credits and the figures.
 *
 * @param scheduler where retries, rate-limit waits and deadlines are scheduled (no thread is held for them)
 * @param limiter   the rate limiter, or null for none
 * @param inFlight  the work in flight, ended typed when the component stops
 * @param gate      at most so many requests in flight; the rest wait without a thread
 * @param costs     where what Dune billed for each answer is reported
 * @param metrics   where calls, waits and credits are counted
 * @param pacing    the pace Dune's RateLimit headers set, shared by the component's requests, or null for none
 * @param deadlines the whole-answer deadlines of the requests in flight
 */
public record SharedResources(
        ScheduledExecutorService scheduler,
        RateLimiter limiter,
        InFlight inFlight,
        RequestGate gate,
        CostReport costs,
        DuneMetrics metrics,
        ServerPacing pacing,
        Deadlines deadlines) {}
