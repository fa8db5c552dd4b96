package io.github.cameldune.dune.waiting;

import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.client.InFlight;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneShutdownException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.PipelineStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Waits for a pipeline execution to end without holding a thread. Each node is an ordinary execution: once the
 * pipeline's status names a node's execution, the {@link ExecutionWaiter} waits for it (its polls timed by the node's
 * past run times, its state read from the execution's own status, as Dune's docs advise), then the pipeline's status
 * is read again for the next node; between nodes the pipeline is polled at the policy's intervals. One deadline, the
 * policy's timeout, bounds the whole.
 */
public final class PipelineWaiter {

    /**
     * How a pipeline ended: its last status, and each started node's final execution status by node id.
     *
     * @param pipeline its last status
     * @param nodes    the final status of each node that started
     */
    public record Ended(PipelineStatus pipeline, Map<Integer, ExecutionStatus> nodes) {}

    private final Function<String, CompletableFuture<PipelineStatus>> status;
    private final ExecutionWaiter executions;
    private final ScheduledExecutorService scheduler;
    private final InFlight inFlight;
    private final LongSupplier nanoClock;

    /**
     * @param status     reads a pipeline's status, once per call (the polling is the retry)
     * @param executions waits for each node's execution
     */
    public PipelineWaiter(
            Function<String, CompletableFuture<PipelineStatus>> status,
            ExecutionWaiter executions,
            ScheduledExecutorService scheduler,
            InFlight inFlight) {
        this.status = status;
        this.executions = executions;
        this.scheduler = scheduler;
        this.inFlight = inFlight;
        this.nanoClock = System::nanoTime;
    }

    /**
     * Polls until the pipeline ended and every node that started has a final status. A node's timeout (the rest of
     * the policy's timeout) ends the wait with that node's {@link DuneTimeoutException}, its execution named.
     *
     * @param queryId the query whose pipeline it is, to name in errors
     */
    public CompletableFuture<Ended> await(
            String operation, String pipelineExecutionId, Long queryId, WaitPolicy policy) {
        Wait wait = new Wait(operation, pipelineExecutionId, queryId, policy);
        inFlight.track(
                wait.result,
                pipelineExecutionId,
                () -> new DuneShutdownException(operation, queryId, wait.current, wait.currentState));
        wait.next(policy.initialDelay());
        return wait.result;
    }

    private final class Wait {
        final String operation;
        final String pipelineExecutionId;
        final Long queryId;
        final WaitPolicy policy;
        final long start = nanoClock.getAsLong();
        final CompletableFuture<Ended> result = new CompletableFuture<>();
        final Map<Integer, ExecutionStatus> ended = new ConcurrentHashMap<>();
        /** The node execution waited for last, to name on a timeout or a stop. */
        volatile String current;

        volatile ExecutionState currentState;

        Wait(String operation, String pipelineExecutionId, Long queryId, WaitPolicy policy) {
            this.operation = operation;
            this.pipelineExecutionId = pipelineExecutionId;
            this.queryId = queryId;
            this.policy = policy;
        }

        Duration elapsed() {
            return Duration.ofNanos(nanoClock.getAsLong() - start);
        }

        void next(Duration delay) {
            Duration left = policy.timeout().minus(elapsed());
            if (left.isNegative() || left.isZero()) {
                result.completeExceptionally(
                        new DuneTimeoutException(operation, queryId, current, currentState, elapsed(), false));
                return;
            }
            try {
                scheduler.schedule(this::poll, Math.min(delay.toNanos(), left.toNanos()), TimeUnit.NANOSECONDS);
            } catch (RuntimeException stopping) {
                result.completeExceptionally(stopping);
            }
        }

        void poll() {
            if (result.isDone()) {
                return;
            }
            Futures.react(() -> status.apply(pipelineExecutionId), this::onStatus, this::onError, result);
        }

        void onError(Throwable error) {
            if (error instanceof DuneException failure && failure.isTransient()) {
                next(policy.nextDelay(elapsed()));
            } else {
                result.completeExceptionally(error);
            }
        }

        void onStatus(PipelineStatus answer) {
            for (PipelineStatus.NodeExecution node : answer.nodeExecutions()) {
                String id = node.executionId();
                if (id != null && !ended.containsKey(node.id())) {
                    awaitNode(node, id);
                    return;
                }
            }
            if (answer.isFinished()) {
                result.complete(new Ended(answer, Map.copyOf(ended)));
            } else {
                next(policy.nextDelay(elapsed()));
            }
        }

        /** Waits for a node's execution with what is left of the deadline, then reads the pipeline again. */
        void awaitNode(PipelineStatus.NodeExecution node, String executionId) {
            current = executionId;
            currentState = null;
            Duration left = policy.timeout().minus(elapsed());
            WaitPolicy rest = new WaitPolicy(
                    policy.initialDelay(),
                    policy.interval(),
                    policy.maxInterval(),
                    left.isNegative() ? Duration.ZERO : left,
                    policy.longWait());
            executions.await(operation, executionId, node.queryId(), rest).whenComplete((status, error) -> {
                if (error != null) {
                    result.completeExceptionally(Futures.cause(error));
                    return;
                }
                currentState = status.state();
                ended.put(node.id(), status);
                // the next node starts as this one ends: read at once
                next(Duration.ZERO);
            });
        }
    }
}
