package io.github.cameldune.dune.client;

import io.github.cameldune.dune.metrics.DuneMetrics;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The services a component gives the clients of its endpoints: where waits are scheduled, the three throttles (the
 * rate limiter, the pace Dune's RateLimit headers set, the gate on requests in flight), the record of open work and of
 * whole-answer deadlines, where costs are reported and the figures.
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
public record ClientServices(
        ScheduledExecutorService scheduler,
        RateLimiter limiter,
        InFlight inFlight,
        RequestGate gate,
        CostReport costs,
        DuneMetrics metrics,
        ServerPacing pacing,
        Deadlines deadlines) {}
