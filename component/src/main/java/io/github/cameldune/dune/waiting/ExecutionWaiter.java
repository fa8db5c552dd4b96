package io.github.cameldune.dune.waiting;

import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.client.InFlight;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneRateLimitException;
import io.github.cameldune.dune.exception.DuneShutdownException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.metrics.Outcome;
import io.github.cameldune.dune.metrics.WaitingExecution;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for an execution to end without holding a thread: each status poll is an asynchronous request, and the next
 * one is a task on a shared scheduler. Polling is the retry of a failed poll: a transient failure is polled again at
 * the next interval (or after Dune's {@code Retry-After}), so status requests are sent once each by the client. It
 * knows the client and the states, not exchanges.
 */
public final class ExecutionWaiter {

    /** Runs a task after a delay; the component's scheduler, or a fake clock's in a test. */
    @FunctionalInterface
    interface Timer {
        /**
         * Schedules the task, which the returned future cancels; throws
         * {@link java.util.concurrent.RejectedExecutionException} when stopping.
         */
        java.util.concurrent.Future<?> after(Duration delay, Runnable task);
    }

    /** How long a status request in flight when the wait times out may still answer. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionWaiter.class);
    /** States already warned about, so an unknown state is logged once, not at every poll. */
    private static final Set<String> UNKNOWN_STATES_SEEN = ConcurrentHashMap.newKeySet();

    private final Function<String, CompletableFuture<ExecutionStatus>> status;
    private final Timer timer;
    private final DurationHistory history;
    private final LongSupplier nanoClock;
    private final InFlight inFlight;
    private final DuneMetrics metrics;

    /**
     * A waiter polling through a client, scheduling on a shared scheduler, learning durations into a history and
     * counting its polls and outcomes in the component's figures.
     */
    public ExecutionWaiter(
            DuneClient client,
            ScheduledExecutorService scheduler,
            DurationHistory history,
            InFlight inFlight,
            DuneMetrics metrics) {
        this(
                client.withoutRetries()::status,
                (delay, task) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS),
                history,
                System::nanoTime,
                inFlight,
                metrics);
    }

    ExecutionWaiter(
            Function<String, CompletableFuture<ExecutionStatus>> status,
            Timer timer,
            DurationHistory history,
            LongSupplier nanoClock,
            InFlight inFlight,
            DuneMetrics metrics) {
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.status = status;
        this.timer = timer;
        this.history = history;
        this.nanoClock = nanoClock;
    }

    /**
     * Polls until the execution is in a terminal state, and completes with that status. Status requests that fail
     * transiently are polled again; other failures end the wait. An unknown state is polled on until the timeout. At
     * the timeout it fails with {@link DuneTimeoutException}: the last poll comes at the timeout, and if its answer
     * has not come {@link #GRACE} later, the wait ends anyway.
     *
     * @param operation the operation to name in errors
     * @param queryId   the saved query of an execution submitted just now, whose past run times time the polls;
     *                  null for an execution submitted elsewhere or earlier
     */
    public CompletableFuture<ExecutionStatus> await(
            String operation, String executionId, Long queryId, WaitPolicy policy) {
        return await(operation, executionId, queryId, policy, null);
    }

    /**
     * The same, telling {@code observer} (null: nobody) when the wait starts and each status it reads.
     *
     * @param observer follows this wait, e.g. the exchange's trace span
     */
    public CompletableFuture<ExecutionStatus> await(
            String operation, String executionId, Long queryId, WaitPolicy policy, WaitObserver observer) {
        Duration expected = history.expected(queryId);
        Wait wait = new Wait(operation, executionId, queryId, policy, expected, nanoClock.getAsLong(), observer);
        wait.tell(o -> o.waiting(executionId));
        // listed while it waits, counted by how it ends
        wait.result.whenComplete(wait::ended);
        Runnable unlist = metrics.waiting(wait);
        wait.result.whenComplete((status, error) -> unlist.run());
        // a stop of the component ends the wait, typed, instead of leaving the exchange pending
        inFlight.track(
                wait.result,
                executionId,
                () -> new DuneShutdownException(operation, queryId, executionId, wait.lastState));
        try {
            // the bound of the whole wait, whatever a status request in flight does
            java.util.concurrent.Future<?> bound = timer.after(policy.timeout().plus(GRACE), wait::timeUp);
            // a wait that ended sooner drops its bound, which would otherwise hold it until waitTimeout
            wait.result.whenComplete((status, error) -> bound.cancel(false));
        } catch (RuntimeException stopping) {
            wait.result.completeExceptionally(stopping);
            return wait.result;
        }
        wait.schedule(policy.firstDelay(expected));
        return wait.result;
    }

    private final class Wait implements WaitingExecution {
        final String operation;
        final String executionId;
        final Long queryId;
        final WaitPolicy policy;
        /** How long the query is expected to run, or null. */
        final Duration expected;

        final long start;
        final CompletableFuture<ExecutionStatus> result = new CompletableFuture<>();
        /** The last state a status answer gave, null until one came. */
        volatile ExecutionState lastState;

        volatile Integer queuePosition;
        volatile Long reportedQueryId;
        /** Whether the long wait was logged. */
        boolean logged;

        final WaitObserver observer;

        Wait(
                String operation,
                String executionId,
                Long queryId,
                WaitPolicy policy,
                Duration expected,
                long start,
                WaitObserver observer) {
            this.observer = observer;
            this.operation = operation;
            this.executionId = executionId;
            this.queryId = queryId;
            this.policy = policy;
            this.expected = expected;
            this.start = start;
        }

        @Override
        public Duration elapsed() {
            return Duration.ofNanos(nanoClock.getAsLong() - start);
        }

        @Override
        public String executionId() {
            return executionId;
        }

        @Override
        public Long queryId() {
            return queryId != null ? queryId : reportedQueryId;
        }

        @Override
        public String operation() {
            return operation;
        }

        @Override
        public ExecutionState state() {
            return lastState;
        }

        @Override
        public Integer queuePosition() {
            return queuePosition;
        }

        void ended(ExecutionStatus status, Throwable error) {
            if (status != null) {
                metrics.executionEnded(queryId(), Outcome.of(status.state()), status.times());
            } else {
                metrics.executionEnded(queryId(), Outcome.of(Futures.cause(error)), null);
            }
        }

        void schedule(Duration delay) {
            Duration left = policy.timeout().minus(elapsed());
            Duration pause = delay.compareTo(left) > 0 ? (left.isNegative() ? Duration.ZERO : left) : delay;
            try {
                timer.after(pause, this::poll);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        /** The wait's bound: a wait still open now (its status request has not answered) times out. */
        void timeUp() {
            result.completeExceptionally(
                    new DuneTimeoutException(operation, queryId, executionId, lastState, elapsed(), false));
        }

        void poll() {
            if (result.isDone()) {
                return;
            }
            metrics.poll();
            Futures.react(() -> status.apply(executionId), this::onStatus, this::onError, result);
        }

        /** Tells the observer, if any; its failure is its own. */
        void tell(java.util.function.Consumer<WaitObserver> what) {
            if (observer != null) {
                try {
                    what.accept(observer);
                } catch (RuntimeException e) {
                    LOG.debug("The observer of execution {} failed: {}", executionId, e.toString());
                }
            }
        }

        void onStatus(ExecutionStatus answer) {
            tell(o -> o.status(answer));
            lastState = answer.state();
            queuePosition = answer.queuePosition();
            if (answer.queryId() != null) {
                reportedQueryId = answer.queryId();
            }
            if (answer.state().isTerminal()) {
                history.record(queryId, answer);
                result.complete(answer);
                return;
            }
            if (!answer.state().isKnown()
                    && UNKNOWN_STATES_SEEN.add(answer.state().value())) {
                LOG.warn(
                        "Dune reported a state camel-dune does not know, {}, for execution {}; waiting on until it "
                                + "ends or the wait times out",
                        answer.state(),
                        executionId);
            }
            if (!logged && policy.longWait() != null && elapsed().compareTo(policy.longWait()) > 0) {
                logged = true;
                LOG.info(
                        "Dune execution {}{} is still {} after {} s{} (longWaitThreshold)",
                        executionId,
                        queryId() == null ? "" : " of query " + queryId(),
                        answer.state(),
                        elapsed().toSeconds(),
                        queuePosition == null ? "" : ", queue position " + queuePosition);
            }
            // Dune's own timestamps say how long it queued (null while it still does)
            next(policy.nextDelay(elapsed(), expected, answer.times().queued()));
        }

        void onError(Throwable error) {
            if (!(error instanceof DuneException failure) || !failure.isTransient()) {
                result.completeExceptionally(error);
                return;
            }
            Duration delay = policy.nextDelay(elapsed());
            if (error instanceof DuneRateLimitException limited
                    && limited.getRetryAfter() != null
                    && limited.getRetryAfter().compareTo(delay) > 0) {
                delay = limited.getRetryAfter();
            }
            LOG.debug(
                    "Status of execution {} failed ({}); polling again in {} ms",
                    executionId,
                    error.getMessage(),
                    delay.toMillis());
            next(delay);
        }

        void next(Duration delay) {
            if (elapsed().compareTo(policy.timeout()) >= 0) {
                result.completeExceptionally(
                        new DuneTimeoutException(operation, queryId, executionId, lastState, elapsed(), false));
            } else {
                schedule(delay);
            }
        }
    }
}
