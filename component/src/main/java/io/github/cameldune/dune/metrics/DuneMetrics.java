package io.github.cameldune.dune.metrics;

import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.model.ExecutionTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * What one component did, as figures: executions started and how their waits ended, time in Dune's queue and
 * running, polls, retries, rate-limit waits, credits and results read, the executions being waited on now and the
 * last errors. The client and the waiter report here; JMX, the dev console and Micrometer read here.
 *
 * <p>Tags stay bounded: no execution ids, outcomes from a fixed set, and at most {@value #MAX_QUERY_TAGS} distinct
 * query ids, the rest counted under {@code query=other}.
 */
public final class DuneMetrics {

    /** Distinct {@code query} tag values before the rest are counted as {@code other}. */
    public static final int MAX_QUERY_TAGS = 100;

    private static final int LAST_ERRORS = 20;

    /** An error an exchange ended with. */
    public record RecentError(Instant at, String operation, String executionId, String type, String message) {}

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final Set<String> queryTags = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Series>> bindings = new CopyOnWriteArrayList<>();
    private final Map<String, WaitingExecution> waiting = new ConcurrentHashMap<>();
    private final Deque<RecentError> errors = new ArrayDeque<>();

    public DuneMetrics() {
        gauge("dune.executions.waiting", "Executions camel-dune is waiting on now", null, Map.of(), waiting::size);
    }

    /** Dune accepted an execute. */
    public void executionStarted(Long queryId) {
        counter("dune.executions.started", "Executions Dune accepted", null, Map.of("query", query(queryId)))
                .add(1);
    }

    /** A wait for an execution ended: its outcome and, when Dune timed them, its time queued and running. */
    public void executionEnded(Long queryId, Outcome outcome, ExecutionTimes times) {
        String query = query(queryId);
        counter(
                        "dune.executions",
                        "Executions waited for, by how they ended",
                        null,
                        Map.of("query", query, "outcome", outcome.tag()))
                .add(1);
        if (times != null && times.queued() != null) {
            timer("dune.execution.queue", "Time executions waited in Dune's queue", query, times.queued());
        }
        if (times != null && times.ran() != null) {
            timer("dune.execution.run", "Time executions ran in Dune", query, times.ran());
        }
    }

    /** A status poll of a wait. */
    public void poll() {
        counter("dune.polls", "Status polls while waiting for executions", null, Map.of())
                .add(1);
    }

    /** A request is sent again after a failure: {@code status} is the HTTP status, 0 when no answer came. */
    public void retry(int status) {
        counter(
                        "dune.retries",
                        "Requests sent again after a failure",
                        null,
                        Map.of("status", status == 0 ? "none" : String.valueOf(status)))
                .add(1);
    }

    /** A request waited this long for its rate-limit slot ({@code bucket}: write or read). */
    public void rateLimiterWait(String bucket, Duration wait) {
        rateLimiterWait(bucket, wait, null);
    }

    /**
     * The same, for a request about an execution (a status poll, a page of results, a cancel), whose waits are also
     * kept by execution for a while, so that the execution's trace can say how long its requests waited.
     */
    public void rateLimiterWait(String bucket, Duration wait, String executionId) {
        if (executionId != null && !wait.isZero()) {
            synchronized (waitedByExecution) {
                waitedByExecution.merge(executionId, wait.toMillis(), Long::sum);
                if (waitedByExecution.size() > MAX_WAITED_EXECUTIONS) {
                    waitedByExecution.remove(
                            waitedByExecution.keySet().iterator().next());
                }
            }
        }
        series(
                        "dune.rate_limiter.wait",
                        Map.of("bucket", bucket),
                        Series.Kind.TIMER,
                        "Time requests waited for the rate limiter",
                        null,
                        null)
                .add(wait.toNanos());
    }

    /** How long the requests about an execution waited for the rate limiter, in ms, while it is remembered. */
    public long rateLimiterWaited(String executionId) {
        synchronized (waitedByExecution) {
            return waitedByExecution.getOrDefault(executionId, 0L);
        }
    }

    /** Executions whose rate-limit waits are remembered, the oldest forgotten first. */
    private static final int MAX_WAITED_EXECUTIONS = 10_000;

    private final Map<String, Long> waitedByExecution = new java.util.LinkedHashMap<>();

    /**
     * Credits counted: {@code kind} is {@code execution} (as Dune reported), {@code export} (estimated) or
     * {@code write} (3 a GB written to a table, at least 1 a write).
     */
    public void credits(String kind, BigDecimal credits) {
        counter("dune.credits", "Credits counted, by kind", "credits", Map.of("kind", kind))
                .add(credits.doubleValue());
    }

    /** Bytes of results read from Dune (JSON or CSV). */
    public void resultBytes(long bytes) {
        counter("dune.results.bytes", "Bytes of results read", "bytes", Map.of())
                .add(bytes);
    }

    /** Rows of results read as JSON pages. */
    public void resultRows(long rows) {
        counter("dune.results.rows", "Rows of results read", "rows", Map.of()).add(rows);
    }

    /** Keeps the error an exchange ended with, for the console (the last {@value #LAST_ERRORS}). */
    public void error(String operation, Throwable error) {
        String executionId = error instanceof DuneException dune ? dune.getExecutionId() : null;
        RecentError e = new RecentError(
                Instant.now(), operation, executionId, error.getClass().getSimpleName(), error.getMessage());
        synchronized (errors) {
            errors.addFirst(e);
            if (errors.size() > LAST_ERRORS) {
                errors.removeLast();
            }
        }
    }

    /** Lists an execution being waited on until the returned task is run. */
    public Runnable waiting(WaitingExecution execution) {
        waiting.put(execution.executionId(), execution);
        return () -> waiting.remove(execution.executionId(), execution);
    }

    /** The executions being waited on now. */
    public Collection<WaitingExecution> waiting() {
        return List.copyOf(waiting.values());
    }

    /** The last errors, the newest first. */
    public List<RecentError> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Every series so far. */
    public Collection<Series> series() {
        return List.copyOf(series.values());
    }

    /** The total of a counter (or timer count) over all series of that name whose tags include {@code tags}. */
    public double total(String name, Map<String, String> tags) {
        return series.values().stream()
                .filter(s -> s.name().equals(name) && s.tags().entrySet().containsAll(tags.entrySet()))
                .mapToDouble(s -> s.kind() == Series.Kind.TIMER ? s.count() : s.value())
                .sum();
    }

    /** A value read when asked, e.g. the budget left. */
    public void gauge(String name, String description, String unit, Map<String, String> tags, DoubleSupplier value) {
        series(name, tags, Series.Kind.GAUGE, description, unit, value);
    }

    /** Calls {@code binding} for every series, now and as new ones appear (a Micrometer registry, say). */
    public void bind(Consumer<Series> binding) {
        bindings.add(binding);
        series.values().forEach(binding);
    }

    private String query(Long queryId) {
        String tag = queryId == null ? "unknown" : queryId == 0 ? "sql" : String.valueOf(queryId);
        if (queryTags.contains(tag)) {
            return tag;
        }
        synchronized (queryTags) {
            if (queryTags.size() < MAX_QUERY_TAGS) {
                queryTags.add(tag);
                return tag;
            }
        }
        return "other";
    }

    private void timer(String name, String description, String query, Duration took) {
        series(name, Map.of("query", query), Series.Kind.TIMER, description, null, null)
                .add(Math.max(0, took.toNanos()));
    }

    private Series counter(String name, String description, String unit, Map<String, String> tags) {
        return series(name, tags, Series.Kind.COUNTER, description, unit, null);
    }

    private Series series(
            String name,
            Map<String, String> tags,
            Series.Kind kind,
            String description,
            String unit,
            DoubleSupplier gauge) {
        String key = name + new java.util.TreeMap<>(tags);
        Series existing = series.get(key);
        if (existing != null) {
            return existing;
        }
        Series[] created = new Series[1];
        Series s =
                series.computeIfAbsent(key, k -> created[0] = new Series(name, tags, kind, description, unit, gauge));
        if (created[0] != null) {
            bindings.forEach(b -> b.accept(s));
        }
        return s;
    }
}
