package io.github.cameldune.dune.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.InFlight;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ExecutionTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The waiter on a fake clock: its timer runs each scheduled poll at once and moves the clock by the delay, and its
 * status answers come from a script. What is checked is exactly when it polls, when it gives up and what it fails with.
 */
@Timeout(120)
class ExecutionWaiterTest {

    private static final String ID = "01HKZJ2683PHF9Q9PHHQ8FW4Q1";
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final WaitPolicy POLICY =
            new WaitPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

    private long now;
    /** The delays of the polls, in the order they were scheduled (the wait's own bound is not among them). */
    private final List<Duration> delays = new ArrayList<>();

    private final PriorityQueue<Task> due = new PriorityQueue<>();
    private final Deque<Supplier<CompletableFuture<ExecutionStatus>>> answers = new ArrayDeque<>();
    private final DurationHistory history = new DurationHistory();
    private int scheduled;
    private final DuneMetrics metrics = new DuneMetrics();
    private final ExecutionWaiter waiter = new ExecutionWaiter(
            id -> {
                assertThat(id).isEqualTo(ID);
                // once the script is over, the execution runs on
                return answers.isEmpty()
                        ? CompletableFuture.completedFuture(status(ExecutionState.EXECUTING))
                        : answers.removeFirst().get();
            },
            (delay, task) -> {
                // the first task of each wait is its bound, scheduled before the first poll
                if (scheduled++ > 0) {
                    delays.add(delay);
                }
                due.add(new Task(now + delay.toNanos(), scheduled, task));
                return new CompletableFuture<Void>();
            },
            history,
            () -> now,
            new InFlight(),
            metrics);

    /** A task of the fake clock, due at a time; ties in the order they were scheduled. */
    private record Task(long at, int order, Runnable run) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            return at != other.at ? Long.compare(at, other.at) : Integer.compare(order, other.order);
        }
    }

    /** Runs the due tasks in time order, moving the clock, until the wait has ended. */
    private <T> CompletableFuture<T> run(CompletableFuture<T> wait) {
        while (!wait.isDone() && !due.isEmpty()) {
            Task next = due.poll();
            now = Math.max(now, next.at());
            next.run().run();
        }
        return wait;
    }

    private static ExecutionStatus status(ExecutionState state) {
        return status(state, null, null);
    }

    private static ExecutionStatus status(ExecutionState state, Instant started, Instant ended) {
        return new ExecutionStatus(
                ID,
                42L,
                state,
                state.isTerminal(),
                new ExecutionTimes(T0, null, started, ended, null),
                null,
                null,
                null,
                null);
    }

    private void answer(ExecutionStatus status) {
        answers.add(() -> CompletableFuture.completedFuture(status));
    }

    private void fail(int httpStatus, Duration retryAfter) {
        answers.add(() -> CompletableFuture.failedFuture(DuneApiException.of(
                new DuneApiException.Failure(DuneCall.STATUS, null, ID, httpStatus, "x", retryAfter), null)));
    }

    private static Duration total(List<Duration> durations) {
        return durations.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void pollsAtTheIntervalUntilATerminalState() throws Exception {
        answer(status(ExecutionState.PENDING));
        answer(status(ExecutionState.EXECUTING));
        answer(status(ExecutionState.COMPLETED));
        ExecutionStatus done = run(waiter.await("run", ID, null, POLICY)).get();
        assertThat(done.state()).isEqualTo(ExecutionState.COMPLETED);
        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void theIntervalGrowsWithTheTimeWaitedUpToTheMaximum() {
        CompletableFuture<ExecutionStatus> wait = run(waiter.await("run", ID, null, POLICY));
        assertThat(wait).isCompletedExceptionally();
        // 1 s polls for the first 10 s, then a tenth of the time waited, never more than 30 s
        assertThat(delays.subList(0, 10)).allMatch(d -> d.equals(Duration.ofSeconds(1)));
        assertThat(delays).allMatch(d -> d.compareTo(Duration.ofSeconds(30)) <= 0);
        assertThat(delays.size()).as("polls in two minutes").isBetween(20, 40);
    }

    @Test
    void atTheTimeoutItFailsWithTheLastStateAndTheExecutionId() {
        answer(status(ExecutionState.PENDING));
        CompletableFuture<ExecutionStatus> wait = run(waiter.await("run", ID, 7L, POLICY));
        Throwable failure = failure(wait);
        assertThat(failure).isInstanceOf(DuneTimeoutException.class).hasMessageContaining(ID);
        DuneTimeoutException timeout = (DuneTimeoutException) failure;
        assertThat(timeout.getState()).isEqualTo(ExecutionState.EXECUTING);
        assertThat(timeout.getWaited()).isEqualTo(POLICY.timeout());
        assertThat(timeout.getQueryId()).isEqualTo(7L);
        assertThat(total(delays)).as("the last poll lands on the timeout").isEqualTo(POLICY.timeout());
    }

    @Test
    void aTransientFailurePollsAgainHonouringRetryAfter() throws Exception {
        fail(503, null);
        fail(429, Duration.ofSeconds(20));
        answer(status(ExecutionState.COMPLETED));
        assertThat(run(waiter.await("run", ID, null, POLICY)).get().state()).isEqualTo(ExecutionState.COMPLETED);
        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(20));
    }

    @Test
    void aFailureThatWillNotPassEndsTheWait() {
        fail(404, null);
        Throwable failure = failure(run(waiter.await("run", ID, null, POLICY)));
        assertThat(failure).isInstanceOf(DuneApiException.class);
        assertThat(((DuneApiException) failure).getHttpResponseCode()).isEqualTo(404);
        assertThat(delays).hasSize(1);
    }

    @Test
    void aQueryThatRanBeforeIsFirstPolledJustPastItsExpectedEnd() throws Exception {
        history.record(42L, status(ExecutionState.COMPLETED, T0, T0.plusSeconds(40)));
        answer(status(ExecutionState.COMPLETED, T0, T0.plusSeconds(40)));
        run(waiter.await("run", ID, 42L, POLICY)).get();
        assertThat(delays).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void aStatusRequestThatNeverAnswersEndsTheWaitAtItsTimeoutAndGrace() {
        answer(status(ExecutionState.PENDING));
        answers.add(CompletableFuture::new);
        Throwable failure = failure(run(waiter.await("run", ID, null, POLICY)));
        assertThat(failure).isInstanceOf(DuneTimeoutException.class);
        assertThat(((DuneTimeoutException) failure).getWaited())
                .isEqualTo(POLICY.timeout().plus(ExecutionWaiter.GRACE));
        assertThat(((DuneTimeoutException) failure).getState()).isEqualTo(ExecutionState.PENDING);
        assertThat(delays).as("no poll after the one that hangs").hasSize(2);
    }

    @Test
    void aStoppingSchedulerEndsTheWaitInsteadOfLeavingItOpen() {
        ExecutionWaiter stopping = new ExecutionWaiter(
                id -> new CompletableFuture<>(),
                (delay, task) -> {
                    throw new java.util.concurrent.RejectedExecutionException("stopping");
                },
                history,
                () -> now,
                new InFlight(),
                new DuneMetrics());
        assertThat(failure(stopping.await("run", ID, null, POLICY)))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isDone();
        try {
            future.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
