package io.github.cameldune.dune.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ExecutionTimes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a query is expected to run: the shortest of its recent completed runs, queue time left out. */
@Timeout(120)
class DurationHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static ExecutionStatus run(ExecutionState state, long queuedSeconds, long ranSeconds) {
        Instant started = T0.plusSeconds(queuedSeconds);
        return new ExecutionStatus(
                "01HKZJ2683PHF9Q9PHHQ8FW4Q1",
                42L,
                state,
                true,
                new ExecutionTimes(T0, null, started, started.plusSeconds(ranSeconds), null),
                null,
                null,
                null,
                null);
    }

    @Test
    void theShortestOfTheLastFiveCompletedRuns() {
        DurationHistory history = new DurationHistory();
        assertThat(history.expected(42L)).isNull();
        history.record(42L, run(ExecutionState.COMPLETED, 30, 10));
        assertThat(history.expected(42L)).as("queue time left out").isEqualTo(Duration.ofSeconds(10));
        history.record(42L, run(ExecutionState.COMPLETED, 0, 60));
        assertThat(history.expected(42L)).as("a slow run does not push it up").isEqualTo(Duration.ofSeconds(10));
        history.record(42L, run(ExecutionState.FAILED, 0, 1));
        assertThat(history.expected(42L)).as("only completed runs count").isEqualTo(Duration.ofSeconds(10));
        for (int i = 0; i < DurationHistory.RUNS; i++) {
            history.record(42L, run(ExecutionState.COMPLETED, 0, 20));
        }
        assertThat(history.expected(42L))
                .as("the 10 s run is forgotten after five more")
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(history.expected(7L)).as("per query").isNull();
        assertThat(history.expected(null)).isNull();
    }
}
