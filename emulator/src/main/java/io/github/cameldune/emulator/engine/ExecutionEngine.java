package io.github.cameldune.emulator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs executions: a queue in front of at most {@code maxConcurrent} running executions, SQL on DuckDB into a result
 * table, and a minimum duration per query during which the execution stays EXECUTING without holding a thread.
 */
public final class ExecutionEngine implements AutoCloseable {

    private static final Pattern DUCKDB_LINE = Pattern.compile("LINE (\\d+):");

    private final Database database;
    private final QueryCatalog catalog;
    private final Settings settings;
    private final PageReader pages;
    private final Clock clock;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Deque<Execution> queue = new ArrayDeque<>();
    private final ExecutorService sqlWorkers;
    private final ScheduledExecutorService timer;
    private final AtomicLong created = new AtomicLong();
    private final Credits credits;
    private final Uploads uploads;
    private final QueryLibrary library;
    private final MaterializedViews views;
    private final Pipelines pipelines;
    private final Datasets datasets;
    private int running;

    /** An engine over a database and a query catalog. */
    public ExecutionEngine(Database database, QueryCatalog catalog, Settings settings, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.settings = settings;
        this.pages = new PageReader(database, settings);
        this.credits = new Credits(settings, executions::values);
        this.views = new MaterializedViews(this, database, settings, credits);
        this.uploads = new Uploads(database, credits, settings, views::bytesStored);
        this.library = new QueryLibrary(catalog);
        this.pipelines = new Pipelines(this, views);
        this.datasets = new Datasets(database, settings, uploads, views);
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "dune-emulator-sql-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.prestartAllCoreThreads();
        this.sqlWorkers = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dune-emulator-timer");
            t.setDaemon(true);
            return t;
        });
        // results past their retention are dropped even if nobody asks for them, so a long run stays small
        timer.scheduleWithFixedDelay(this::expireDue, 5, 5, TimeUnit.SECONDS);
    }

    /** The engine's settings, which may be changed at run time. */
    public Settings settings() {
        return settings;
    }

    /**
     * Starts an execution of a saved query.
     *
     * @return empty when there is no such query
     * @throws InvalidRequestException for unknown parameters or values that do not fit
     */
    public Optional<Execution> executeQuery(long queryId, Map<String, Object> parameters, String performance) {
        return executeQuery(queryId, parameters, performance, Execution.Listener.NONE);
    }

    /** The same, with what else the execution does as it ends. */
    Optional<Execution> executeQuery(
            long queryId, Map<String, Object> parameters, String performance, Execution.Listener listener) {
        return catalog.find(queryId)
                .map(q -> submit(
                        q.id(), q.render(parameters), q.minDuration(), q.maxResultRows(), performance, listener));
    }

    /**
     * The latest finished execution of a query "for these parameter values": with none given, the latest whatever its
     * values; otherwise the given values must match and the others be the defaults.
     *
     * @return empty when the query has no such execution, or does not declare one of the given names
     */
    public Optional<Execution> latest(SavedQuery query, Map<String, Object> parameters) {
        Map<String, String> wanted = null;
        if (!parameters.isEmpty()) {
            if (!query.parameters().keySet().containsAll(parameters.keySet())) {
                return Optional.empty();
            }
            wanted = query.render(parameters).values();
        }
        Execution latest = null;
        Instant latestEnd = null;
        for (Execution e : executions.values()) {
            Execution.Snapshot s = e.snapshot();
            boolean finished = s.state() == ExecutionState.COMPLETED || s.state() == ExecutionState.COMPLETED_PARTIAL;
            if (e.queryId() == query.id()
                    && finished
                    && (wanted == null || wanted.equals(e.parameters()))
                    && (latestEnd == null || s.endedAt().isAfter(latestEnd))) {
                latest = e;
                latestEnd = s.endedAt();
            }
        }
        return find(latest == null ? "" : latest.id());
    }

    /** Every saved query, by id. */
    public java.util.Collection<SavedQuery> queries() {
        return catalog.all();
    }

    /** The saved query with this id. */
    public Optional<SavedQuery> query(long queryId) {
        return catalog.find(queryId);
    }

    /** Starts an execution of raw SQL (reported with query id 0). */
    public Execution executeSql(String sql, String performance) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidRequestException("sql is required");
        }
        return submit(
                0, new SavedQuery.Rendered(sql, Map.of()), Duration.ZERO, null, performance, Execution.Listener.NONE);
    }

    /** The execution with this id, turned EXPIRED first when its retention has passed. */
    public Optional<Execution> find(String executionId) {
        Execution e = executions.get(executionId);
        expireIfDue(e);
        return Optional.ofNullable(e);
    }

    /** Turns every execution past its retention EXPIRED and frees its rows, as Dune does on its own. */
    private void expireDue() {
        try {
            executions.values().forEach(this::expireIfDue);
        } catch (RuntimeException e) {
            // the database is closing; the next sweep (if any) tries again
        }
    }

    private void expireIfDue(Execution e) {
        if (e != null && e.expireIfDue(clock.instant())) {
            Execution.Result r = e.snapshot().result();
            if (r != null) {
                database.drop(r.table());
            }
        }
    }

    /** Every execution created since start, for tests that count them. */
    public java.util.Collection<Execution> executions() {
        return List.copyOf(executions.values());
    }

    /** How many executions were created since start or the last {@link #resetCount()} (each one billed on Dune). */
    public long executionsCreated() {
        return created.get();
    }

    /** Counts executions created, and credits used, from zero again; the executions themselves stay. */
    public void resetCount() {
        created.set(0);
        credits.reset();
    }

    /** The account's saved queries as Dune manages them (create, update, archive, privacy). */
    public QueryLibrary library() {
        return library;
    }

    /** The uploaded tables. */
    public Uploads uploads() {
        return uploads;
    }

    /** The account's materialized views. */
    public MaterializedViews materializedViews() {
        return views;
    }

    /** Lineage and pipeline executions. */
    public Pipelines pipelines() {
        return pipelines;
    }

    /** The dataset catalog. */
    public Datasets datasets() {
        return datasets;
    }

    /** The bytes the account stores, in uploaded tables and materialized views, against the plan's cap. */
    public long bytesStored() {
        return uploads.bytesStored() + views.bytesStored();
    }

    /** The engine's billing: what executions and exports cost. */
    public Credits credits() {
        return credits;
    }

    /** The 1-based place of a pending execution in the queue, or 0 when it is not queued. */
    public synchronized int queuePosition(Execution execution) {
        int position = 1;
        for (Execution queued : queue) {
            if (queued == execution) {
                return position;
            }
            position++;
        }
        return 0;
    }

    /** Cancels a pending or running execution; false when it had already finished. */
    public boolean cancel(Execution execution) {
        synchronized (this) {
            if (execution.state().isFinished()) {
                return false;
            }
            queue.remove(execution);
        }
        Statement running = execution.cancel(clock.instant());
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException e) {
                // the statement ended on its own meanwhile
            }
        }
        if (execution.startedAt() != null) {
            releaseSlot(execution);
        }
        Execution.Result r = execution.snapshot().result();
        if (r != null) {
            database.drop(r.table());
        }
        ended(execution);
        return true;
    }

    /** Reads one page of a finished execution's rows, with the client's columns, filters, sort and sampling. */
    public ResultPage page(Execution.Result result, ResultQuery q) throws SQLException {
        return pages.page(result, q);
    }

    private Execution submit(
            long queryId,
            SavedQuery.Rendered sql,
            Duration minDuration,
            Long maxResultRows,
            String performance,
            Execution.Listener listener) {
        Execution e = new Execution(queryId, sql, minDuration, maxResultRows, performance, clock.instant(), listener);
        executions.put(e.id(), e);
        created.incrementAndGet();
        synchronized (this) {
            queue.add(e);
        }
        dispatch();
        return e;
    }

    private volatile boolean closed;
    /** Results up to this many rows are kept in memory rather than in a table. */
    private static final int SMALL_RESULT_ROWS = 1_000;

    private void dispatch() {
        List<Execution> toStart = new ArrayList<>();
        synchronized (this) {
            while (running < settings.maxConcurrent && !queue.isEmpty()) {
                toStart.add(queue.poll());
                running++;
            }
        }
        Instant slotAt = clock.instant();
        for (Execution e : toStart) {
            sqlWorkers.execute(() -> run(e, slotAt));
        }
    }

    /**
     * Runs an execution's SQL. Its minimum duration counts from {@code slotAt}, when it got its place among the
     * running executions, so a backlog of SQL on the emulator's few threads does not lengthen it.
     */
    private void run(Execution e, Instant slotAt) {
        String table = Database.resultTable(e.id());
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            // it started when it got its slot: a backlog on the emulator's SQL threads is not Dune's doing
            if (!e.start(slotAt, s)) {
                releaseSlot(e);
                return;
            }
            ExecutionState outcome = ExecutionState.COMPLETED;
            Long cap = e.maxResultRows();
            Execution.Result small = cap == null ? database.readSmall(s, table, e.sql(), SMALL_RESULT_ROWS) : null;
            if (small != null) {
                // kept in memory; the table is created only if a request filters, sorts or samples it
            } else if (cap == null) {
                s.execute("CREATE TABLE " + table + " AS " + e.sql());
            } else {
                // one row more than kept tells whether the result was truncated
                s.execute("CREATE TABLE " + table + " AS SELECT * FROM (" + e.sql() + ") AS q LIMIT " + (cap + 1));
                if (s.executeUpdate("DELETE FROM " + table + " WHERE rowid >= " + cap) > 0) {
                    outcome = ExecutionState.COMPLETED_PARTIAL;
                }
            }
            Execution.Result result = small != null ? small : database.describe(c, table);
            ExecutionState state = outcome;
            long wait = Duration.between(clock.instant(), slotAt.plus(e.minDuration()))
                    .toMillis();
            if (wait > 0) {
                timer.schedule(() -> finish(e, result, state), wait, TimeUnit.MILLISECONDS);
            } else {
                finish(e, result, state);
            }
        } catch (SQLException | RuntimeException ex) {
            if (closed) {
                return; // the emulator is stopping and its database is gone: nothing is left to answer
            }
            if (e.fail(clock.instant(), failure(ex), settings.retention)) {
                database.drop(table);
            }
            releaseSlot(e);
            ended(e);
        }
    }

    private void finish(Execution e, Execution.Result result, ExecutionState state) {
        try {
            if (e.state() == ExecutionState.EXECUTING) {
                e.listener().completing(e, result);
            }
        } catch (Exception refused) {
            if (e.fail(clock.instant(), failure(refused), settings.retention)) {
                database.drop(result.table());
            }
            releaseSlot(e);
            ended(e);
            return;
        }
        if (!e.complete(clock.instant(), result, state, settings.retention)) {
            database.drop(result.table());
        }
        releaseSlot(e);
        ended(e);
    }

    /** Tells the execution's listener it ended; a listener's failure is its own, never the engine's. */
    private void ended(Execution e) {
        try {
            e.listener().ended(e);
        } catch (RuntimeException ignored) {
            // a pipeline whose next node cannot start records that on the node
        }
    }

    private void releaseSlot(Execution e) {
        if (e.releaseSlot()) {
            synchronized (this) {
                running--;
            }
            dispatch();
        }
    }

    /** Turns a DuckDB error into Dune's execution error, with the line when DuckDB names one. */
    private static Execution.Failure failure(Exception ex) {
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        int last = message.lastIndexOf("Error: ");
        String firstLine = message.substring(last < 0 ? 0 : last).split("\\R")[0];
        Matcher line = DUCKDB_LINE.matcher(message);
        Integer lineNo = line.find() ? Integer.valueOf(line.group(1)) : null;
        return new Execution.Failure("FAILED_TYPE_EXECUTION_FAILED", firstLine, lineNo, lineNo == null ? null : 1);
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        sqlWorkers.shutdownNow();
    }
}
