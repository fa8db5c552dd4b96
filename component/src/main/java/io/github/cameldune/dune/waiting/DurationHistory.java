package io.github.cameldune.dune.waiting;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;

/**
 * How long the last completed execution of each saved query ran, from its start to its end as Dune timed it (time in
 * Dune's queue left out, as it differs from one run to the next). Routes run the same queries again and again, so the
 * next wait can poll first near the expected end instead of many times on the way there. One history is shared by a
 * component's endpoints.
 */
public final class DurationHistory {

    /** Beyond this many queries the history starts again, so it cannot grow without bound. */
    private static final int MAX_QUERIES = 10_000;

    private final Map<Long, Duration> lastDuration = new ConcurrentHashMap<>();

    /** How long the query's last completed execution ran, or null when none was seen. */
    public Duration expected(Long queryId) {
        return queryId == null ? null : lastDuration.get(queryId);
    }

    /** Remembers a finished execution's duration when it completed and Dune timed it. */
    public void record(Long queryId, ExecutionStatus status) {
        if (queryId == null || queryId <= 0 || status.executionStartedAt() == null || status.executionEndedAt() == null
                || !ExecutionState.COMPLETED.equals(status.state())
                        && !ExecutionState.COMPLETED_PARTIAL.equals(status.state())) {
            return;
        }
        Duration took = Duration.between(status.executionStartedAt(), status.executionEndedAt());
        if (took.isNegative()) {
            return;
        }
        if (lastDuration.size() >= MAX_QUERIES && !lastDuration.containsKey(queryId)) {
            lastDuration.clear();
        }
        lastDuration.put(queryId, took);
    }
}
