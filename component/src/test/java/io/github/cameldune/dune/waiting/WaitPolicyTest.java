package io.github.cameldune.dune.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poll schedule: a tenth of the time waited, between the shortest and the longest interval. */
@Timeout(120)
class WaitPolicyTest {

    private final WaitPolicy policy = new WaitPolicy(
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void theIntervalGrowsWithTheTimeWaitedWithinItsBounds() {
        assertThat(policy.nextDelay(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(6));
        assertThat(policy.nextDelay(Duration.ofMinutes(20))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLongExecutionCostsFewPollsAndIsNoticedSoon() {
        // polls for executions of 1 s to 10 min, against a fixed one-second poll (what Dune's SDKs do)
        for (long seconds : new long[] {1, 10, 60, 600}) {
            Duration end = Duration.ofSeconds(seconds);
            Duration t = policy.initialDelay();
            int polls = 1;
            while (t.compareTo(end) < 0) {
                t = t.plus(policy.nextDelay(t));
                polls++;
            }
            Duration late = t.minus(end);
            assertThat(late)
                    .as("noticed late after %d s", seconds)
                    .isLessThanOrEqualTo(end.dividedBy(10).plus(Duration.ofSeconds(1)));
            assertThat(polls)
                    .as("polls for %d s", seconds)
                    .isLessThanOrEqualTo(seconds <= 10 ? (int) seconds : (int) seconds / 2);
        }
    }

    @Test
    void aKnownDurationMovesTheFirstPollToJustPastTheExpectedEnd() {
        assertThat(policy.firstDelay(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.firstDelay(Duration.ofMillis(200)))
                .as("never before initialDelay")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.firstDelay(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(63));
    }

    @Test
    void anExecutionThatQueuedIsPolledAtItsExpectedEndOnceItRuns() {
        Duration tenSeconds = Duration.ofSeconds(10);
        assertThat(policy.nextDelay(Duration.ofSeconds(11), tenSeconds, null))
                .as("still queued: the interval")
                .isEqualTo(Duration.ofMillis(1_100));
        // queued 8 s, running for 3 s: 7.5 s left until 10.5 s of running
        assertThat(policy.nextDelay(Duration.ofSeconds(11), tenSeconds, Duration.ofSeconds(8)))
                .isEqualTo(Duration.ofMillis(7_500));
        assertThat(policy.nextDelay(Duration.ofSeconds(30), tenSeconds, Duration.ofSeconds(8)))
                .as("past its expected end: the interval")
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.nextDelay(Duration.ofSeconds(11), null, Duration.ofSeconds(8)))
                .as("nothing known")
                .isEqualTo(Duration.ofMillis(1_100));
    }

    @Test
    void nonsenseDurationsAreRefused() {
        assertThatThrownBy(() -> new WaitPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WaitPolicy(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO)
                        .maxInterval())
                .as("max below min is lifted to min")
                .isEqualTo(Duration.ofSeconds(5));
    }
}
