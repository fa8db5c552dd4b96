package io.github.cameldune.emulator.http;

import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.faults.Fault;
import io.github.cameldune.emulator.faults.FaultInjector;
import io.github.cameldune.emulator.faults.RateLimits;

/**
 * What stands in front of each endpoint, as Dune's own front does: the request is counted, refused with a 429 over the
 * plan's quota, delayed by a latency fault, or answered by an injected fault instead of the API.
 */
final class FaultGate {

    private final FaultInjector faults;
    private final RateLimits rateLimits;
    private final RequestStats stats;

    FaultGate(FaultInjector faults, RateLimits rateLimits, RequestStats stats) {
        this.faults = faults;
        this.rateLimits = rateLimits;
        this.stats = stats;
    }

    /**
     * Lets a request through to the API, or throws the answer that replaces it.
     *
     * @param queryId the saved query the request is about, for faults aimed at one query; null when unknown
     */
    void pass(ApiExchange ex, ApiEndpoint endpoint, Long queryId) {
        stats.count(endpoint);
        if (!rateLimits.admit(endpoint, ex.limitHeaders)) {
            throw new ApiException(429, "Too many requests");
        }
        Fault fault = faults.pick(endpoint, queryId).orElse(null);
        if (fault == null) {
            return;
        }
        if (!fault.latency().isZero()) {
            sleep(fault);
        }
        if (fault.isLatencyOnly()) {
            return;
        }
        if (fault.isAfterHandling()) {
            ex.answerAfter = fault;
            return;
        }
        if (fault.isReset()) {
            throw new ApiExchange.ResetConnection();
        }
        ApiException answer = new ApiException(fault.httpStatus(), fault.error());
        answer.headers.putAll(fault.headers());
        answer.rawBody = fault.rawBody();
        answer.contentType = fault.contentType();
        throw answer;
    }

    private static void sleep(Fault fault) {
        try {
            // the latency of a slow Dune, on this request's server thread
            Thread.sleep(fault.latency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
