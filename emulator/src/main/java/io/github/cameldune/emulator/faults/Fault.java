package io.github.cameldune.emulator.faults;

import io.github.cameldune.emulator.ApiEndpoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An answer the emulator gives instead of the real one: an HTTP status with Dune's {@code {"error": ...}} body and
 * optional headers, aimed at an endpoint (and optionally one query), for a number of requests or a share of them.
 *
 * <pre>
 * emulator.faults().add(Fault.status(402, Fault.PAYMENT_REQUIRED).on(ApiEndpoint.EXECUTE).times(1));
 * emulator.faults().add(Fault.status(429, "Too many requests").header("Retry-After", "1").rate(0.1));
 * </pre>
 */
public final class Fault {

    /** Dune's 402 text. */
    public static final String PAYMENT_REQUIRED = "This api request would exceed your configured limits per billing "
            + "cycle. Please visit your settings on dune.com and adjust your limits to continue usage.";
    /** Dune's 403 text. */
    public static final String FORBIDDEN =
            "Not allowed to execute query. Query is archived, unsaved or not enough " + "permissions";
    /** Dune's 500 text. */
    public static final String INTERNAL_ERROR = "An internal error occurred";

    private final int status;
    private final String error;
    private String rawBody;
    private String contentType = "application/json";
    private boolean reset;
    private boolean afterHandling;
    private Duration latency = Duration.ZERO;
    private final Map<String, String> headers = new LinkedHashMap<>();
    /** Null for any endpoint. */
    private ApiEndpoint endpoint;

    private Long queryId;
    private double rate = 1.0;
    private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

    private Fault(int status, String error) {
        this.status = status;
        this.error = error;
    }

    /** Answers with this status and {@code {"error": error}}. */
    public static Fault status(int status, String error) {
        return new Fault(status, error);
    }

    /** Answers with this status and exactly this body, e.g. a proxy's HTML error page or truncated JSON. */
    public static Fault raw(int status, String contentType, String body) {
        Fault fault = new Fault(status, null);
        fault.contentType = contentType;
        fault.rawBody = body;
        return fault;
    }

    /** Drops the connection without any answer, as a crashed proxy or a network fault would. */
    public static Fault reset() {
        Fault fault = new Fault(0, null);
        fault.reset = true;
        return fault;
    }

    /** Answers normally, but only after this delay (slow network, busy API). */
    public static Fault latency(Duration delay) {
        Fault fault = new Fault(0, null);
        fault.latency = delay;
        return fault;
    }

    /**
     * Lets the API do its work first (an execute creates its execution), then answers with this fault instead: the
     * case where a client cannot know whether its request took effect.
     */
    public Fault afterHandling() {
        afterHandling = true;
        return this;
    }

    /** Only on this endpoint (default: any); null for any. */
    public Fault on(ApiEndpoint value) {
        endpoint = value;
        return this;
    }

    /** Only for executions of this saved query. */
    public Fault forQuery(long value) {
        queryId = value;
        return this;
    }

    /** For this many matching requests, then no more (default: every one). */
    public Fault times(int value) {
        remaining.set(value);
        return this;
    }

    /** For this share of matching requests, 0 to 1 (default 1). */
    public Fault rate(double value) {
        rate = value;
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public Fault header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The HTTP status. */
    public int httpStatus() {
        return status;
    }

    /** The {@code error} text. */
    public String error() {
        return error;
    }

    /** Whether the connection is dropped without an answer. */
    public boolean isReset() {
        return reset;
    }

    /** Whether the API handles the request before the fault answers. */
    public boolean isAfterHandling() {
        return afterHandling;
    }

    /** The added delay; a fault with only a delay answers normally. */
    public Duration latency() {
        return latency;
    }

    /** Whether this fault only delays the answer. */
    public boolean isLatencyOnly() {
        return !reset && status == 0 && latency.compareTo(Duration.ZERO) > 0;
    }

    /** The exact body to send instead of {@code {"error": ...}}, or null. */
    public String rawBody() {
        return rawBody;
    }

    /** The content type of the answer. */
    public String contentType() {
        return contentType;
    }

    /** The extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The endpoint it answers on, or null for any. */
    public ApiEndpoint endpoint() {
        return endpoint;
    }

    /** The saved query it is limited to, or null. */
    public Long queryId() {
        return queryId;
    }

    /** The share of matching requests it answers, 0 to 1. */
    public double rate() {
        return rate;
    }

    /** How many more requests it answers ({@link Integer#MAX_VALUE}: no limit). */
    public int remaining() {
        return remaining.get();
    }

    boolean matches(ApiEndpoint target, Long targetQueryId) {
        return (endpoint == null || endpoint == target) && (queryId == null || queryId.equals(targetQueryId));
    }

    /** Takes one use if any is left. */
    boolean take() {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
