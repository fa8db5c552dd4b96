package io.github.cameldune.emulator.engine;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution and its life: PENDING (queued) → EXECUTING → COMPLETED / FAILED, or CANCELLED on the way, and EXPIRED
 * after the retention. Fields change under the object's lock; the protocol layer reads a consistent {@link #snapshot()}.
 */
public final class Execution {

    /** What Dune reports for a failed execution. */
    public record Failure(String type, String message, Integer line, Integer column) {}

    /**
     * What else an execution does as it ends: a materialized view's refresh stores its rows, a pipeline starts its
     * next nodes.
     */
    public interface Listener {
        /** Nothing more. */
        Listener NONE = new Listener() {};

        /**
         * Before the execution turns COMPLETED with its result; a failure here turns it FAILED with this message
         * instead.
         *
         * @throws InvalidRequestException or another exception whose message becomes the execution's error
         */
        default void completing(Execution execution, Result result) throws java.sql.SQLException {}

        /** After it ended, whichever way: completed, failed or cancelled. */
        default void ended(Execution execution) {}
    }

    /**
     * Where a finished execution's rows are stored, and their shape. A small result is held in memory ({@code rows});
     * its table is only created, from {@code sql}, if a request filters, sorts or samples it.
     */
    public record Result(
            String table,
            List<String> columnNames,
            List<String> columnTypes,
            long totalRowCount,
            long totalResultSetBytes,
            List<Object[]> rows,
            String sql) {

        /** A result stored in a DuckDB table. */
        Result(
                String table,
                List<String> columnNames,
                List<String> columnTypes,
                long totalRowCount,
                long totalResultSetBytes) {
            this(table, columnNames, columnTypes, totalRowCount, totalResultSetBytes, null, null);
        }

        /** Whether the rows are held in memory rather than in the table. */
        boolean inMemory() {
            return rows != null;
        }
    }

    /** A consistent view of an execution at one moment. */
    public record Snapshot(
            String executionId,
            long queryId,
            ExecutionState state,
            Instant submittedAt,
            Instant startedAt,
            Instant endedAt,
            Instant cancelledAt,
            Instant expiresAt,
            Failure failure,
            Result result,
            String performance) {

        /** Milliseconds between submission and start. */
        public long pendingMillis() {
            return startedAt == null
                    ? 0
                    : Duration.between(submittedAt, startedAt).toMillis();
        }

        /** Milliseconds between start and end. */
        public long executionMillis() {
            return startedAt == null || endedAt == null
                    ? 0
                    : Duration.between(startedAt, endedAt).toMillis();
        }
    }

    private final String id;
    private final long queryId;
    private final String sql;
    private final Duration minDuration;
    private final String performance;
    private final Map<String, String> parameters;
    private final Long maxResultRows;
    private final Listener listener;
    private final Instant submittedAt;
    /** When it was created on this machine's monotonic clock, to count credits since a reset. */
    private final long createdNanos = System.nanoTime();

    private final AtomicBoolean slotReleased = new AtomicBoolean();

    private ExecutionState state = ExecutionState.PENDING;
    private Instant startedAt;
    private Instant endedAt;
    private Instant cancelledAt;
    private Instant expiresAt;
    private Failure failure;
    private Result result;
    private Statement statement;

    Execution(
            long queryId,
            SavedQuery.Rendered rendered,
            Duration minDuration,
            Long maxResultRows,
            String performance,
            Instant now,
            Listener listener) {
        this.id = Ulid.next();
        this.listener = listener;
        this.queryId = queryId;
        // as DuckDB reads it: Dune's varbinary literals (0x00ff) become from_hex('00ff')
        this.sql = DuneSql.toDuckDb(rendered.sql());
        this.parameters = rendered.values();
        this.minDuration = minDuration;
        this.maxResultRows = maxResultRows;
        this.performance = performance;
        this.submittedAt = now;
    }

    /** When it was created, by {@link System#nanoTime()}. */
    long createdNanos() {
        return createdNanos;
    }

    /** The ULID execution id. */
    public String id() {
        return id;
    }

    /** The saved query id, 0 for raw SQL. */
    public long queryId() {
        return queryId;
    }

    String sql() {
        return sql;
    }

    Duration minDuration() {
        return minDuration;
    }

    Long maxResultRows() {
        return maxResultRows;
    }

    Listener listener() {
        return listener;
    }

    /** The value each parameter took, as rendered into the SQL. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The current state. */
    public synchronized ExecutionState state() {
        return state;
    }

    /** A consistent view of every field. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(
                id,
                queryId,
                state,
                submittedAt,
                startedAt,
                endedAt,
                cancelledAt,
                expiresAt,
                failure,
                result,
                performance);
    }

    synchronized boolean start(Instant now, Statement running) {
        if (state != ExecutionState.PENDING) {
            return false;
        }
        state = ExecutionState.EXECUTING;
        startedAt = now;
        statement = running;
        return true;
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    synchronized boolean complete(Instant now, Result stored, ExecutionState finalState, Duration retention) {
        if (state != ExecutionState.EXECUTING) {
            return false;
        }
        state = finalState;
        endedAt = now;
        expiresAt = now.plus(retention);
        result = stored;
        statement = null;
        return true;
    }

    synchronized boolean fail(Instant now, Failure why, Duration retention) {
        if (state.isFinished()) {
            return false;
        }
        state = ExecutionState.FAILED;
        endedAt = now;
        expiresAt = now.plus(retention);
        failure = why;
        statement = null;
        return true;
    }

    /** Marks the execution cancelled and returns the statement to interrupt, if one is running. */
    synchronized Statement cancel(Instant now) {
        Statement running = statement;
        if (state == ExecutionState.EXECUTING) {
            endedAt = now;
        }
        state = ExecutionState.CANCELLED;
        cancelledAt = now;
        statement = null;
        return running;
    }

    synchronized boolean expireIfDue(Instant now) {
        if ((state == ExecutionState.COMPLETED || state == ExecutionState.COMPLETED_PARTIAL)
                && expiresAt != null
                && !now.isBefore(expiresAt)) {
            state = ExecutionState.EXPIRED;
            return true;
        }
        return false;
    }

    /** True once only: the execution gives its run slot back exactly once, whichever way it ends. */
    boolean releaseSlot() {
        return slotReleased.compareAndSet(false, true);
    }
}
