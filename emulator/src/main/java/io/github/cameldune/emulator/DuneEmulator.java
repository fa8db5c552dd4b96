package io.github.cameldune.emulator;

import io.github.cameldune.emulator.data.SampleData;
import io.github.cameldune.emulator.engine.Database;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.QueryCatalog;
import io.github.cameldune.emulator.engine.SavedQuery;
import io.github.cameldune.emulator.engine.Settings;
import io.github.cameldune.emulator.faults.FaultInjector;
import io.github.cameldune.emulator.faults.RateLimits;
import io.github.cameldune.emulator.http.DuneApiServer;
import io.github.cameldune.emulator.http.RequestStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A local Dune API v1 server: saved SQL queries run on an embedded DuckDB over the bundled sample data.
 *
 * <pre>
 * try (DuneEmulator dune = DuneEmulator.builder().apiKey("test-key").build().start()) {
 *     String baseUrl = dune.baseUrl(); // http://127.0.0.1:PORT/api, as https://api.dune.com/api
 * }
 * </pre>
 */
public final class DuneEmulator implements AutoCloseable {

    /** The key the emulator expects unless another is configured. */
    public static final String DEFAULT_API_KEY = "emulator-api-key";

    private final Builder config;
    private final QueryCatalog catalog;
    private final Settings settings;
    private final Map<Long, SavedQuery> configuredQueries;
    private final FaultInjector faults = new FaultInjector();
    private final RateLimits rateLimits = new RateLimits();
    private final RequestStats stats;
    private Database database;
    private ExecutionEngine engine;
    private DuneApiServer server;

    private DuneEmulator(Builder config) {
        this.config = config;
        this.catalog = QueryCatalog.bundled();
        if (config.queries != null) {
            catalog.addFolder(config.queries);
        }
        this.configuredQueries = catalog.snapshot();
        this.settings = new Settings().copyFrom(config.settings);
        this.stats = new RequestStats(config.maxRecordedRequests);
    }

    /** A builder with the defaults: port 0 (any free port) on 127.0.0.1, key {@value #DEFAULT_API_KEY}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Loads the sample data and starts listening. */
    public synchronized DuneEmulator start() {
        if (server != null) {
            return this;
        }
        database = new Database();
        SampleData.load(database);
        if (config.data != null) {
            SampleData.loadFolder(database, config.data);
        }
        engine = new ExecutionEngine(database, catalog, settings, Clock.systemUTC());
        try {
            server = new DuneApiServer(engine, faults, rateLimits, stats, config.host, config.port, config.apiKey);
        } catch (IOException e) {
            engine.close();
            database.close();
            throw new UncheckedIOException("cannot listen on " + config.host + ":" + config.port, e);
        }
        server.start();
        return this;
    }

    /** Stops listening and frees the database. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            engine.close();
            database.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The base URL to configure clients with, e.g. {@code http://127.0.0.1:40123/api}. */
    public String baseUrl() {
        return "http://" + config.host + ":" + port() + "/api";
    }

    /** The bound port. */
    public int port() {
        return running().port();
    }

    /** The API key clients must send (null when any key is accepted). */
    public String apiKey() {
        return config.apiKey;
    }

    /** The saved queries; queries can be added or slowed down while the emulator runs. */
    public QueryCatalog queries() {
        return catalog;
    }

    /** The engine settings (queue size, page size cap, retention), changeable while the emulator runs. */
    public Settings settings() {
        return settings;
    }

    /** The faults in force: answers other than the API's, e.g. 429, 500 or 402, on chosen endpoints. */
    public FaultInjector faults() {
        return faults;
    }

    /** Dune's per-plan rate limits, off until set (e.g. {@code rateLimits().freePlan()}). */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** Makes every execution of a query take at least this long (it stays EXECUTING meanwhile). */
    public DuneEmulator setMinDuration(long queryId, Duration minDuration) {
        catalog.setMinDuration(queryId, minDuration);
        return this;
    }

    /** Makes results of a query larger than this many rows end COMPLETED_PARTIAL, truncated (null: no limit). */
    public DuneEmulator setMaxResultRows(long queryId, Long maxRows) {
        catalog.setMaxResultRows(queryId, maxRows);
        return this;
    }

    /** Executions created since start or the last {@link #reset()}: each one would be billed by Dune. */
    public long executionsCreated() {
        return engine().executionsCreated();
    }

    /** Authenticated requests received on an endpoint since start or the last {@link #reset()}. */
    public long requestCount(ApiEndpoint endpoint) {
        return stats.requests(endpoint);
    }

    /** Requests answered with this error status (a wrong key's 401, say) since start or the last {@link #reset()}. */
    public long refusedCount(int status) {
        return stats.refused(status);
    }

    /** Authenticated requests received on every endpoint since start or the last {@link #reset()}. */
    public long requestCount() {
        return stats.total();
    }

    /** The requests received, oldest first (the newest {@code maxRecordedRequests} of them). */
    public List<RecordedRequest> requests() {
        return stats.recorded();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        stats.clearRecorded();
    }

    /**
     * Back to the state it started in, but for the executions it holds: the configured settings and saved queries, no
     * uploaded tables or materialized views, no pipeline executions, no query changes, no faults, no rate limits, and requests and executions counted from zero. {@link DuneEmulatorExtension} calls it
     * before each test.
     */
    public void reset() {
        settings.copyFrom(config.settings);
        catalog.restore(configuredQueries);
        faults.clear();
        rateLimits.clear();
        stats.clear();
        if (engine != null) {
            engine.resetCount();
            engine.uploads().dropAll();
            engine.materializedViews().dropAll();
            engine.pipelines().clear();
            engine.library().reset();
        }
    }

    /** The execution engine, for tests that drive executions directly. */
    public ExecutionEngine engine() {
        running();
        return engine;
    }

    private synchronized DuneApiServer running() {
        if (server == null) {
            throw new IllegalStateException("the emulator is not started");
        }
        return server;
    }

    /** Configuration of an emulator. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private Path queries;
        private Path data;
        private final Settings settings = new Settings();
        private int maxRecordedRequests = 10_000;

        private Builder() {}

        /** The address to listen on (default 127.0.0.1). */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** The port, 0 for any free one (default). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** The API key clients must send; null accepts any non-empty key. */
        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        /** A folder of {@code .sql} saved queries added to (or replacing) the bundled ones. */
        public Builder queries(Path folder) {
            queries = folder;
            return this;
        }

        /**
         * A folder of {@code .csv} and {@code .parquet} files loaded as tables next to the sample data, named after
         * the file ({@code dex.my_trades.csv} becomes {@code dex.my_trades}).
         */
        public Builder data(Path folder) {
            data = folder;
            return this;
        }

        /** How many executions run at once; the rest queue as PENDING (see {@link Settings}). */
        public Builder maxConcurrent(int value) {
            settings.maxConcurrent(value);
            return this;
        }

        /** The largest page the results endpoints return. */
        public Builder maxPageSize(int value) {
            settings.maxPageSize(value);
            return this;
        }

        /** How long results stay before executions turn EXPIRED. */
        public Builder retention(Duration value) {
            settings.retention(value);
            return this;
        }

        /** Any other setting, e.g. {@code settings(s -> s.creditLimit(100))}. */
        public Builder settings(java.util.function.Consumer<Settings> change) {
            change.accept(settings);
            return this;
        }

        /** How many requests to keep for {@link DuneEmulator#requests()} (default 10,000). */
        public Builder maxRecordedRequests(int value) {
            maxRecordedRequests = value;
            return this;
        }

        /** The configured, not yet started emulator. */
        public DuneEmulator build() {
            return new DuneEmulator(this);
        }
    }
}
