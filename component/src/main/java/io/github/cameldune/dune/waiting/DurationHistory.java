package io.github.cameldune.dune.waiting;

import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long the recent completed executions of each saved query ran, from start to end as Dune timed them (time in
 * Dune's queue left out, as it differs from one run to the next). Routes run the same queries again and again, so the
 * next wait can poll first near the expected end instead of many times on the way there. The expectation is the
 * shortest of the last {@value #RUNS} runs: with parameters that make some runs much slower, polling early costs a few
 * polls more, while expecting the slow case would notice a fast run late. One history is shared by a component's
 * endpoints.
 */
public final class DurationHistory {

    /** Beyond this many queries the history starts again, so it cannot grow without bound. */
    private static final int MAX_QUERIES = 10_000;

    /** How many recent runs of a query are remembered. */
    static final int RUNS = 5;

    private final Map<Long, Duration[]> recent = new ConcurrentHashMap<>();

    /** The shortest of the query's recent completed runs, or null when none was seen. */
    public Duration expected(Long queryId) {
        Duration[] runs = queryId == null ? null : recent.get(queryId);
        if (runs == null) {
            return null;
        }
        Duration shortest = null;
        for (Duration d : runs.clone()) {
            if (d != null && (shortest == null || d.compareTo(shortest) < 0)) {
                shortest = d;
            }
        }
        return shortest;
    }

    /** Each query's recent completed runs, the newest first (for the dev console). */
    public Map<Long, java.util.List<Duration>> recent() {
        Map<Long, java.util.List<Duration>> copy = new java.util.TreeMap<>();
        recent.forEach((id, runs) -> copy.put(
                id, java.util.Arrays.stream(runs.clone()).filter(d -> d != null).toList()));
        return copy;
    }

    /** Remembers a finished execution's duration when it completed and Dune timed it. */
    public void record(Long queryId, ExecutionStatus status) {
        Duration took = status.times().ran();
        if (queryId == null
                || queryId <= 0
                || took == null
                || took.isNegative()
                || !ExecutionState.COMPLETED.equals(status.state())
                        && !ExecutionState.COMPLETED_PARTIAL.equals(status.state())) {
            return;
        }
        if (recent.size() >= MAX_QUERIES && !recent.containsKey(queryId)) {
            recent.clear();
        }
        recent.compute(queryId, (id, runs) -> {
            // the newest first, the oldest dropped
            Duration[] next = new Duration[RUNS];
            next[0] = took;
            if (runs != null) {
                System.arraycopy(runs, 0, next, 1, RUNS - 1);
            }
            return next;
        });
    }
}
