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
import java.util.concurrent.ScheduledExecutorService;
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

    /** How the engine behaves; all of it can change while the emulator runs. */
    public static final class Settings {
        volatile int maxConcurrent = 3;
        volatile int maxPageSize = 30_000;
        volatile Duration retention = Duration.ofDays(90);

        /** At most this many executions run at once; the rest wait as PENDING with a queue position (default 3). */
        public Settings maxConcurrent(int value) {
            maxConcurrent = Math.max(1, value);
            return this;
        }

        /** The largest page the results endpoints return, whatever limit is asked (default 30,000 rows). */
        public Settings maxPageSize(int value) {
            maxPageSize = Math.max(1, value);
            return this;
        }

        /** How long results are kept before the execution turns EXPIRED (default 90 days). */
        public Settings retention(Duration value) {
            retention = value;
            return this;
        }
    }

    private static final Pattern DUCKDB_LINE = Pattern.compile("LINE (\\d+):");

    private final Database database;
    private final QueryCatalog catalog;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Deque<Execution> queue = new ArrayDeque<>();
    private final ExecutorService sqlWorkers;
    private final ScheduledExecutorService timer;
    private final AtomicLong created = new AtomicLong();
    private int running;

    /** An engine over a database and a query catalog. */
    public ExecutionEngine(Database database, QueryCatalog catalog, Settings settings, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.sqlWorkers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "dune-emulator-sql-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dune-emulator-timer");
            t.setDaemon(true);
            return t;
        });
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
        return catalog.find(queryId).map(q -> submit(q.id(), q.render(parameters), q.minDuration(), performance));
    }

    /** Starts an execution of raw SQL (reported with query id 0). */
    public Execution executeSql(String sql, String performance) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidRequestException("sql is required");
        }
        return submit(0, sql, Duration.ZERO, performance);
    }

    /** The execution with this id, turned EXPIRED first when its retention has passed. */
    public Optional<Execution> find(String executionId) {
        Execution e = executions.get(executionId);
        if (e != null && e.expireIfDue(clock.instant())) {
            Execution.Result r = e.snapshot().result();
            if (r != null) {
                database.drop(r.table());
            }
        }
        return Optional.ofNullable(e);
    }

    /** How many executions were ever created (each one a billed execution on Dune). */
    public long executionsCreated() {
        return created.get();
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
        return true;
    }

    /**
     * Reads one page of a finished execution's rows.
     *
     * @param columns the columns to return, or null for all
     */
    public ResultPage page(Execution.Result result, long offset, Integer limit, List<String> columns)
            throws SQLException {
        List<String> names = result.columnNames();
        List<String> types = result.columnTypes();
        if (columns != null && !columns.isEmpty()) {
            List<String> pickedTypes = new ArrayList<>();
            for (String c : columns) {
                int i = names.indexOf(c);
                if (i < 0) {
                    throw new InvalidRequestException("column " + c + " does not exist in the result");
                }
                pickedTypes.add(types.get(i));
            }
            names = List.copyOf(columns);
            types = pickedTypes;
        }
        int size = Math.min(limit == null ? settings.maxPageSize : Math.max(0, limit), settings.maxPageSize);
        StringBuilder select = new StringBuilder();
        for (String n : names) {
            select.append(select.length() == 0 ? "" : ", ").append(Database.quote(n));
        }
        List<Object[]> rows = size == 0 ? List.of() : database.read("SELECT " + select + " FROM " + result.table()
                + " LIMIT " + size + " OFFSET " + Math.max(0, offset), names.size());
        long bytes = 0;
        for (Object[] row : rows) {
            for (Object v : row) {
                bytes += v == null ? 0 : v.toString().length();
            }
        }
        long end = Math.max(0, offset) + rows.size();
        Long next = end < result.totalRowCount() ? end : null;
        return new ResultPage(names, types, rows, bytes, result.totalRowCount(), result.totalResultSetBytes(), next);
    }

    private Execution submit(long queryId, String sql, Duration minDuration, String performance) {
        Execution e = new Execution(queryId, sql, minDuration, performance, clock.instant());
        executions.put(e.id(), e);
        created.incrementAndGet();
        synchronized (this) {
            queue.add(e);
        }
        dispatch();
        return e;
    }

    private void dispatch() {
        List<Execution> toStart = new ArrayList<>();
        synchronized (this) {
            while (running < settings.maxConcurrent && !queue.isEmpty()) {
                toStart.add(queue.poll());
                running++;
            }
        }
        for (Execution e : toStart) {
            sqlWorkers.execute(() -> run(e));
        }
    }

    private void run(Execution e) {
        String table = Database.resultTable(e.id());
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            if (!e.start(clock.instant(), s)) {
                releaseSlot(e);
                return;
            }
            s.execute("CREATE TABLE " + table + " AS " + e.sql());
            Execution.Result result = database.describe(c, table);
            long wait = Duration.between(clock.instant(), e.startedAt().plus(e.minDuration())).toMillis();
            if (wait > 0) {
                timer.schedule(() -> finish(e, result), wait, TimeUnit.MILLISECONDS);
            } else {
                finish(e, result);
            }
        } catch (SQLException | RuntimeException ex) {
            if (e.fail(clock.instant(), failure(ex), settings.retention)) {
                database.drop(table);
            }
            releaseSlot(e);
        }
    }

    private void finish(Execution e, Execution.Result result) {
        if (!e.complete(clock.instant(), result, ExecutionState.COMPLETED, settings.retention)) {
            database.drop(result.table());
        }
        releaseSlot(e);
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
        timer.shutdownNow();
        sqlWorkers.shutdownNow();
    }
}
