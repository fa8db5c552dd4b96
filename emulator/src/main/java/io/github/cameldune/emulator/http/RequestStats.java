package io.github.cameldune.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the emulator received: the newest requests as sent, authenticated requests per endpoint (counted also when a
 * fault or a rate limit answered), requests answered with an error by HTTP status (a wrong key's 401 among them), and
 * status requests per execution. All of it can be cleared between tests.
 */
public final class RequestStats {

    private final int maxRecorded;
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    private final Map<ApiEndpoint, LongAdder> perEndpoint = new EnumMap<>(ApiEndpoint.class);
    private final Map<String, LongAdder> statusRequests = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();

    /** @param maxRecorded how many requests to keep (the oldest go first) */
    public RequestStats(int maxRecorded) {
        this.maxRecorded = maxRecorded;
        for (ApiEndpoint endpoint : ApiEndpoint.values()) {
            perEndpoint.put(endpoint, new LongAdder());
        }
    }

    /** Keeps a request as it arrived. */
    private static final int MAX_BODY_KEPT = 64 * 1024;

    synchronized void record(HttpExchange ex, String path, String rawQuery, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        recorded.addLast(new RecordedRequest(
                ex.getRequestMethod(),
                path,
                rawQuery,
                Map.copyOf(headers),
                // an upload may be a gigabyte: its first 64 KB say enough
                new String(body, 0, Math.min(body.length, MAX_BODY_KEPT), java.nio.charset.StandardCharsets.UTF_8)));
        while (recorded.size() > maxRecorded) {
            recorded.removeFirst();
        }
    }

    /** Counts an authenticated request to an endpoint. */
    void count(ApiEndpoint endpoint) {
        perEndpoint.get(endpoint).increment();
    }

    /** Counts a request answered with an error status (4xx, 5xx), whoever sent it. */
    void refused(int status) {
        refused.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** Requests answered with this error status. */
    public long refused(Integer status) {
        LongAdder n = refused.get(status);
        return n == null ? 0 : n.sum();
    }

    /** Requests answered with an error, by status, in status order. */
    public Map<Integer, Long> refusedByStatus() {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        refused.forEach((status, n) -> byStatus.put(status, n.sum()));
        return byStatus;
    }

    /** Counts a status request for an execution that exists. */
    void countStatus(String executionId) {
        statusRequests.computeIfAbsent(executionId, k -> new LongAdder()).increment();
    }

    /** The requests received, oldest first. */
    public synchronized List<RecordedRequest> recorded() {
        return List.copyOf(recorded);
    }

    /** Authenticated requests to an endpoint. */
    public long requests(ApiEndpoint endpoint) {
        return perEndpoint.get(endpoint).sum();
    }

    /** Authenticated requests to every endpoint. */
    public long total() {
        return perEndpoint.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Status requests received for one execution. */
    public long statusRequests(String executionId) {
        LongAdder n = statusRequests.get(executionId);
        return n == null ? 0 : n.sum();
    }

    /** Forgets the recorded requests. */
    public synchronized void clearRecorded() {
        recorded.clear();
    }

    /** Forgets everything: recorded requests and every count. */
    public synchronized void clear() {
        recorded.clear();
        perEndpoint.values().forEach(LongAdder::reset);
        statusRequests.clear();
        refused.clear();
    }
}
