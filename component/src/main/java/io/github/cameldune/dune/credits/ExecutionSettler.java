package io.github.cameldune.dune.credits;

import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.PipelineStatus;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Follows the executions this component started under a reservation until Dune reports what they cost. Any status
 * read settles them (a route's wait, {@code dune:status}); for executions whose status nobody reads (an execute that
 * hands its id to another system), it reads it itself, for free, every {@code creditSettleInterval}, at most
 * {@value #MAX_READS} a time, the least recently seen first, until they end.
 */
final class ExecutionSettler {

    /** Status reads a round sends at most, so the settler stays a small share of the read rate limit. */
    static final int MAX_READS = 100;

    /** An execution followed: its reservation, how to read its status, when a status of it was last seen. */
    private static final class Followed {
        final Reservation reservation;
        final Function<String, CompletableFuture<ExecutionStatus>> status;
        volatile long seenNanos;
        volatile boolean reading;

        Followed(Reservation reservation, Function<String, CompletableFuture<ExecutionStatus>> status, long now) {
            this.reservation = reservation;
            this.status = status;
            this.seenNanos = now;
        }
    }

    /**
     * A pipeline followed: a reservation per node not started yet, how to read the pipeline's and the nodes'
     * statuses, when its status was last seen.
     */
    private static final class Pipeline {
        final Map<Integer, Reservation> unstarted;
        final Function<String, CompletableFuture<PipelineStatus>> pipelineStatus;
        final Function<String, CompletableFuture<ExecutionStatus>> status;
        volatile long seenNanos;
        volatile boolean reading;

        Pipeline(
                Map<Integer, Reservation> unstarted,
                Function<String, CompletableFuture<PipelineStatus>> pipelineStatus,
                Function<String, CompletableFuture<ExecutionStatus>> status,
                long now) {
            this.unstarted = new ConcurrentHashMap<>(unstarted);
            this.pipelineStatus = pipelineStatus;
            this.status = status;
            this.seenNanos = now;
        }
    }

    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final Map<String, Pipeline> pipelines = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private ScheduledFuture<?> rounds;
    private volatile long intervalNanos = Long.MAX_VALUE;

    ExecutionSettler(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Follows an execution Dune accepted under a reservation. */
    void follow(
            String executionId, Reservation reservation, Function<String, CompletableFuture<ExecutionStatus>> status) {
        followed.put(executionId, new Followed(reservation, status, nanoClock.getAsLong()));
    }

    /** Follows a pipeline Dune accepted under a reservation per node. */
    void followPipeline(
            String pipelineExecutionId,
            Map<Integer, Reservation> nodes,
            Function<String, CompletableFuture<PipelineStatus>> pipelineStatus,
            Function<String, CompletableFuture<ExecutionStatus>> status) {
        pipelines.put(pipelineExecutionId, new Pipeline(nodes, pipelineStatus, status, nanoClock.getAsLong()));
    }

    /**
     * A pipeline's status was read: each node that started is followed by its execution from now on, and once the
     * pipeline ended, the nodes that never started free their credits.
     */
    void pipelineSeen(PipelineStatus status) {
        Pipeline p = pipelines.get(status.pipelineExecutionId());
        if (p == null) {
            return;
        }
        p.seenNanos = nanoClock.getAsLong();
        for (PipelineStatus.NodeExecution node : status.nodeExecutions()) {
            if (node.executionId() != null) {
                Reservation held = p.unstarted.remove(node.id());
                if (held != null) {
                    follow(node.executionId(), held, p.status);
                }
            }
        }
        if (status.isFinished() && pipelines.remove(status.pipelineExecutionId(), p)) {
            p.unstarted.values().forEach(Reservation::release);
        }
    }

    /**
     * A status was read: a followed execution that ended settles, at the cost Dune reported (at its reservation when
     * Dune reported none). Returns whether it settled one.
     */
    boolean seen(ExecutionStatus status) {
        Followed f = followed.get(status.executionId());
        if (f == null) {
            return false;
        }
        f.seenNanos = nanoClock.getAsLong();
        if (!status.isFinished() || !followed.remove(status.executionId(), f)) {
            return false;
        }
        f.reservation.settle(
                status.executionCostCredits() != null ? status.executionCostCredits() : f.reservation.expected(),
                status.times().submittedAt());
        return true;
    }

    /** Reads statuses every {@code interval} on the scheduler, until stopped; once. */
    synchronized void start(ScheduledExecutorService scheduler, Duration interval) {
        if (rounds != null || interval.isZero()) {
            return;
        }
        intervalNanos = interval.toNanos();
        try {
            rounds = scheduler.scheduleWithFixedDelay(this::round, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the component is stopping
        }
    }

    /**
     * Stops reading. The executions still followed keep their reservations, counted at what they were expected to
     * cost until they leave the window: the clients that could read them are closing.
     */
    synchronized void stop() {
        if (rounds != null) {
            rounds.cancel(false);
            rounds = null;
        }
        followed.clear();
        pipelines.clear();
    }

    /**
     * One round: the least recently seen pipelines and executions not seen for an interval, at most
     * {@value #MAX_READS} of each.
     */
    void round() {
        long now = nanoClock.getAsLong();
        pipelines
                .entrySet()
                .removeIf(e -> e.getValue().unstarted.values().stream().allMatch(Reservation::hasLeftWindow));
        pipelines.entrySet().stream()
                .filter(e -> !e.getValue().reading && now - e.getValue().seenNanos >= intervalNanos)
                .sorted(Comparator.comparingLong(e -> e.getValue().seenNanos))
                .limit(MAX_READS)
                .forEach(e -> readPipeline(e.getKey(), e.getValue()));
        followed.entrySet().removeIf(e -> e.getValue().reservation.hasLeftWindow());
        followed.entrySet().stream()
                .filter(e -> !e.getValue().reading && now - e.getValue().seenNanos >= intervalNanos)
                .sorted(Comparator.comparingLong(e -> e.getValue().seenNanos))
                .limit(MAX_READS)
                .forEach(e -> read(e.getKey(), e.getValue()));
    }

    private void read(String executionId, Followed f) {
        f.reading = true;
        CompletableFuture<ExecutionStatus> read;
        try {
            read = f.status.apply(executionId);
        } catch (RuntimeException e) {
            f.reading = false;
            return;
        }
        // an answer settles through seen(), as every status read does; a failure is read again next round, unless
        // Dune will never answer it (not found, not allowed): then it keeps its reservation and is not followed
        read.whenComplete((status, error) -> {
            f.reading = false;
            if (error != null && Futures.cause(error) instanceof DuneException failure && !failure.isTransient()) {
                followed.remove(executionId, f);
            }
        });
    }

    /** A pipeline's status read: its answer is seen through {@link #pipelineSeen}, as every pipeline status read. */
    private void readPipeline(String pipelineExecutionId, Pipeline p) {
        p.reading = true;
        CompletableFuture<PipelineStatus> read;
        try {
            read = p.pipelineStatus.apply(pipelineExecutionId);
        } catch (RuntimeException e) {
            p.reading = false;
            return;
        }
        read.whenComplete((status, error) -> {
            p.reading = false;
            if (error != null && Futures.cause(error) instanceof DuneException failure && !failure.isTransient()) {
                pipelines.remove(pipelineExecutionId, p);
            }
        });
    }

    /** The executions and pipelines followed now. */
    int size() {
        return followed.size() + pipelines.size();
    }
}
