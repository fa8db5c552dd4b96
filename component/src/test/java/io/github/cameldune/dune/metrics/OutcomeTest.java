package io.github.cameldune.dune.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneShutdownException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.model.ExecutionState;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every state and every way a wait ends maps to one outcome tag, from a fixed set. */
@Timeout(120)
class OutcomeTest {

    @Test
    void eachTerminalStateHasItsOutcomeAndAnyOtherStateIsAnError() {
        Map<ExecutionState, Outcome> expected = Map.of(
                ExecutionState.COMPLETED,
                Outcome.COMPLETED,
                ExecutionState.COMPLETED_PARTIAL,
                Outcome.PARTIAL,
                ExecutionState.FAILED,
                Outcome.FAILED,
                ExecutionState.CANCELLED,
                Outcome.CANCELLED,
                ExecutionState.EXPIRED,
                Outcome.EXPIRED,
                ExecutionState.PENDING,
                Outcome.ERROR,
                ExecutionState.EXECUTING,
                Outcome.ERROR,
                new ExecutionState("QUERY_STATE_NEW_ONE"),
                Outcome.ERROR);
        expected.forEach((state, outcome) ->
                assertThat(Outcome.of(state)).as(state.value()).isEqualTo(outcome));
    }

    @Test
    void aWaitThatEndsWithoutATerminalStateIsTimedOutStoppedOrAnError() {
        assertThat(Outcome.of(new DuneTimeoutException("run", 1L, "01X", null, Duration.ofSeconds(1), false)))
                .isEqualTo(Outcome.TIMED_OUT);
        assertThat(Outcome.of(new DuneShutdownException("run", 1L, "01X", null)))
                .isEqualTo(Outcome.STOPPED);
        assertThat(Outcome.of(new IllegalStateException())).isEqualTo(Outcome.ERROR);
    }

    @Test
    void tagsAreLowerCaseNames() {
        assertThat(Arrays.stream(Outcome.values()).map(Outcome::tag))
                .containsExactly(
                        "completed", "partial", "failed", "cancelled", "expired", "timed_out", "stopped", "error");
    }
}
