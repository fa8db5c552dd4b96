package io.github.cameldune.dune.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the {@code dune} component under {@code camel.component.dune}, in {@code application.yml} or
 * {@code .properties}: every component option of camel-dune, with its description and default.
 *
 * <p>Generated from the component's {@code dune.json} by {@code StarterMetadataTest}; do not edit.
 */
@ConfigurationProperties(prefix = "camel.component.dune")
public class DuneComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /** Whether to configure the dune component from these properties (on by default). */
    private Boolean enabled;

    /**
     * The base URL of the Dune API, without the /v1 version; point it at the emulator or a proxy.
     */
    private String baseUrl = "https://api.dune.com/api";

    /**
     * The options shared by every endpoint of this component.
     */
    private io.github.cameldune.dune.DuneConfiguration configuration;

    /**
     * Remembers the execution ids a latestResults consumer has emitted, so that a restart does not emit the
     * same result again (e.g. a file or JDBC idempotent repository).
     */
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    /**
     * Read a result Dune truncated (QUERY_STATE_COMPLETED_PARTIAL) instead of failing.
     */
    private Boolean allowPartialResults = false;

    /**
     * With run: cancel the execution when waitTimeout is reached, so it stops costing credits.
     */
    private Boolean cancelOnTimeout = false;

    /**
     * The result columns to return, comma-separated; fewer columns cost fewer credits.
     */
    private String columns;

    /**
     * With usage: the last day of the usage to read, as YYYY-MM-DD.
     */
    private String endDate;

    /**
     * With a journal: execute again a request whose key was recorded without an execution id (the attempt
     * ended between its execute and Dune's answer). The first execution may exist, so this can run, and bill,
     * the query twice; by default such a message fails with a DuneUncertainExecutionException that carries
     * the key.
     */
    private Boolean executeUncertain = false;

    /**
     * The execution to read or cancel (status, results, resultsCsv, cancel); a String body is used when
     * neither this nor the CamelDuneExecutionId header is set.
     */
    private String executionId;

    /**
     * With outputType=rows, follow the pages to the end instead of returning one page; with listQueries,
     * listMaterializedViews, listDatasets and the searches, every page's entries in one body.
     */
    private Boolean fetchAll = false;

    /**
     * Rows to return, as Dune's SQL-WHERE-like filter, e.g. amount_usd 1000 AND project = 'uniswap'.
     */
    private String filters;

    /**
     * The execution journal of execute and run: a Camel StateRepository the replicas share (for instance
     * camel-dune's KafkaStateRepository). Each message's requestKey is recorded before the execute and its
     * execution id after, so a redelivered message does not execute again: execute answers with the recorded
     * execution, run waits for it and reads its rows.
     */
    private org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> journal;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this
     * to allow CamelContext and routes to startup in situations where a producer may otherwise fail during
     * starting and cause the route to fail being started. By deferring this startup to be lazy then the
     * startup failure can be handled during routing messages via Camel's routing error handlers. Beware that
     * when the first message is processed then creating and starting the producer may take a little time and
     * prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Rows per page of results (Dune may send fewer); entries per page of listQueries, listMaterializedViews,
     * listDatasets (at most 250) and the searches.
     */
    private Integer limit;

    /**
     * With latestResults: when the latest result ended longer ago than this, or there is none, execute the
     * query and wait for a fresh result instead. Not set: the latest result as it is. A duration: 500ms, 30s,
     * 5m, 1h30m, or milliseconds.
     */
    private String maxAge;

    /**
     * With run: the longest interval between status polls. A duration: 500ms, 30s, 5m, 1h30m, or
     * milliseconds.
     */
    private String maxPollInterval = "30s";

    /**
     * How many times a failed request is sent again at the most: reads and cancel after a transient failure
     * (429, 500, 502, 503, 504, no answer); execute only on 429 or when the connection failed before sending
     * (see retryExecuteOnServerError). Status polls of run are not retried: the next poll is their retry. 0
     * turns retries off.
     */
    private Integer maxRetries = 3;

    /**
     * The first row of the page of results, or entry of a list or search, 0-based.
     */
    private Long offset;

    /**
     * The form of the results: rows (a List of Maps, keys in column order), stream (a lazy Iterator over
     * every row of every page, for split().streaming()), json (one page's response text) or csv (an
     * InputStream over every page, header once).
     */
    private io.github.cameldune.dune.OutputType outputType = io.github.cameldune.dune.OutputType.rows;

    /**
     * The performance tier of the execution. When not set, none is sent and Dune's default applies.
     */
    private String performance;

    /**
     * With run: the wait before the first status poll. When the saved query's recent executions all ran
     * longer, polls wait until the shortest of those run times (and a twentieth) has passed since it started,
     * so a query that runs as long as before costs one poll. A duration: 500ms, 30s, 5m, 1h30m, or
     * milliseconds.
     */
    private String pollInitialDelay = "1s";

    /**
     * With run: the shortest interval between status polls. The interval grows with the time already waited
     * (a tenth of it) up to maxPollInterval. A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.
     */
    private String pollInterval = "1s";

    /**
     * The saved query to execute (a positive number).
     */
    private Long queryId;

    /**
     * Query parameter values, as param.name=value options, e.g. param.wallet=0xabc. This is a multi-value
     * option with prefix: param.
     */
    private java.util.Map<java.lang.String, java.lang.Object> queryParameters;

    /**
     * With a journal: the request key of a message, as a Simple expression, e.g. ${header.orderId}. Not set:
     * the CamelDuneRequestKey header, else a Kafka record's topic-partitionoffset, else the message id.
     */
    private String requestKey;

    /**
     * Also send an execute again after a 5xx or a lost answer. Dune has no idempotency key: the first attempt
     * may have created an execution, so this can run, and bill, the query twice.
     */
    private Boolean retryExecuteOnServerError = false;

    /**
     * The delay before the first retry; it doubles at each retry (with jitter), and is at least Dune's
     * Retry-After (or, without one, the reset of its RateLimit header). A duration: 500ms, 30s, 5m, 1h30m, or
     * milliseconds.
     */
    private String retryInitialDelay = "1s";

    /**
     * The longest delay between two attempts of a request. A duration: 500ms, 30s, 5m, 1h30m, or
     * milliseconds.
     */
    private String retryMaxDelay = "30s";

    /**
     * Return a uniform random sample of about this many rows; not with limit, offset or filters.
     */
    private Integer sampleCount;

    /**
     * The order of the rows, as Dune's SQL-ORDER-BY-like list, e.g. amount_usd desc, block_time.
     */
    private String sortBy;

    /**
     * The SQL of executeSql, and of run instead of a saved query; a String body is used when neither this nor
     * the CamelDuneSql header is set.
     */
    private String sql;

    /**
     * With usage: the first day of the usage to read, as YYYY-MM-DD. Not set: the current billing period.
     */
    private String startDate;

    /**
     * With results and resultsCsv: wait, as run does, until the execution has finished before reading it (for
     * an execution started elsewhere, e.g. by dune:execute in another route). With upsertMaterializedView and
     * refreshMaterializedView: wait until the refresh has finished, and fail unless it completed.
     */
    private Boolean waitForCompletion = false;

    /**
     * With run: how long to wait for the execution to end before failing with a DuneTimeoutException. The
     * query is never executed again. A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.
     */
    private String waitTimeout = "30m";

    /**
     * Lift Dune's default cap of 250,000 datapoints per results request.
     */
    private Boolean ignoreMaxDatapointsPerRequest = false;

    /**
     * Wait for the answer on the thread that sent the exchange and continue there, instead of continuing on a
     * component worker thread. Saves a thread hand-off when that thread waits anyway
     * (ProducerTemplate.requestBody, a synchronous route), but holds it for the whole call, including the
     * wait of run.
     */
    private Boolean synchronous = false;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked
     * as autowired) by looking up in the registry to find if there is a single instance of matching type,
     * which then gets configured on the component. This can be used for automatic configuring JDBC data
     * sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Credits this component may spend per creditBudgetWindow. Each billed request (an execution, a write to
     * a table) reserves what it is expected to cost before it is sent, and is refused with a
     * DuneBudgetExceededException, sending nothing, when the reservations and the credits counted would go
     * past the budget; a reservation becomes what Dune charged once it says. Export credits are counted as
     * results are read. The budget is reconciled every creditReconcileInterval with the account's usage, so
     * what other replicas and tools spent counts too. Executions already started are never cancelled. 0 turns
     * the budget off.
     */
    private Double creditBudget = 0.0;

    /**
     * The rolling window of creditBudget. A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.
     */
    private String creditBudgetWindow = "1d";

    /**
     * Credits an execution of a query this component has not seen run yet (on the same tier) is expected to
     * cost, reserved against the credit budgets until Dune reports its cost. 0 takes the highest cost seen so
     * far on that tier, or the tier's list price when none was seen (10 credits on medium and small, 20 on
     * large). A query seen before is expected to cost what it cost last time.
     */
    private Double creditEstimate = 0.0;

    /**
     * How often the creditBudget is reconciled with the account's usage (POST /v1/usage, free), so that
     * credits spent elsewhere count against it; 0 counts only what this JVM saw. A duration: 500ms, 30s, 5m,
     * 1h30m, or milliseconds.
     */
    private String creditReconcileInterval = "5m";

    /**
     * How often, with a credit budget, the component reads the status (free) of the executions it started
     * whose status no route has read for that long, at most 100 at a time, until they end: their reservations
     * then become what Dune charged. 0 never reads them: they stay reserved at their expected cost until they
     * leave the window. A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.
     */
    private String creditSettleInterval = "10s";

    /**
     * Your plan's export rate, in credits per MB of results read (Free 20, Analyst 10, Plus 2), from which
     * the export credits of the metrics and the budget are estimated.
     */
    private Double exportCreditsPerMb = 20.0;

    /**
     * A wait for an execution longer than this is logged once at INFO, with the execution id, its state and
     * its queue position; 0 never logs. A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.
     */
    private String longWaitThreshold = "5m";

    /**
     * The largest answer body, in bytes, camel-dune keeps of one request (64 MiB: Dune's largest pages are a
     * few MiB). A larger answer aborts the request and fails the exchange with a DuneAnswerTooLargeException,
     * before it can fill the heap. Answers are never compressed.
     */
    private Long maxAnswerSize = 67108864L;

    /**
     * Requests this component has in flight to Dune at most; the next ones wait in a queue, holding no thread
     * and no buffer, and go out as earlier ones complete (0: no limit).
     */
    private Integer maxRequestsInFlight = 10000;

    /**
     * Requests per minute this component sends to Dune's read endpoints (status, results, CSV, latest
     * results, cancel), spaced evenly and shared by all its endpoints; 0 for no limit. Set it to your plan's
     * high limit (e.g. 40 on Free).
     */
    private Integer rateLimitRead = 0;

    /**
     * Requests per minute this component sends to Dune's write endpoints (execute, executeSql), spaced evenly
     * and shared by all its endpoints; 0 for no limit. Set it to your plan's low limit (e.g. 15 on Free) to
     * avoid 429s.
     */
    private Integer rateLimitWrite = 0;

    /**
     * Pace requests by the RateLimit headers Dune answers with: below three quarters of a bucket's quota
     * left, each replica sends at the plan's rate times its share of the requests Dune counted, and with none
     * left they wait for its reset. Dune counts every client of the account, so replicas sharing a plan share
     * its quota instead of each keeping all of it; rateLimitWrite and rateLimitRead stay an upper bound.
     */
    private Boolean serverRateLimit = true;

    /**
     * Check the API key when the first endpoint of each base URL and key starts, with one free request, and
     * fail the start when Dune rejects it, instead of finding out on the first message.
     */
    private Boolean validateApiKeyOnStart = false;

    /**
     * Threads that continue exchanges once Dune has answered, and read further pages of streamed results;
     * created when needed. No thread waits for Dune.
     */
    private Integer workerPoolSize = 10;

    /**
     * With upsertMaterializedView: when Dune refreshes the view, five cron fields in UTC (minute hour
     * day-of-month month day-of-week), at least 15 minutes and at most a week apart, e.g. 0 /6 . Not set: no
     * schedule (an upsert replaces every setting, so a schedule not given is dropped).
     */
    private String cronExpression;

    /**
     * With upsertMaterializedView and a cronExpression: when the schedule stops, an RFC 3339 time such as
     * 2027-01-01T00:00:00Z.
     */
    private String expiresAt;

    /**
     * The materialized view: with upsertMaterializedView its name, result_ and lowercase letters, digits and
     * underscores (8 to 128 characters, not ending with an underscore), or its full name; with
     * getMaterializedView, refreshMaterializedView and deleteMaterializedView its full name,
     * dune.OWNER.result_NAME, as upsertMaterializedView answers it.
     */
    private String materializedView;

    /**
     * The pipeline execution pipelineStatus reads; a String body is used when neither this nor the
     * CamelDunePipelineExecutionId header is set.
     */
    private String pipelineExecutionId;

    /**
     * With upsertMaterializedView: whether only the owner sees the view (Dune's plans decide who may have
     * private views). Always sent, since an upsert replaces every setting.
     */
    private Boolean privateView = false;

    /**
     * With runPipeline: read the rows of the query's own node into the body, in the outputType's form, as run
     * does; otherwise the body is the PipelineRun.
     */
    private Boolean readResults = false;

    /**
     * With searchDatasets and searchDatasetsByContract: only these chains, separated by commas, e.g.
     * ethereum,base.
     */
    private String blockchains;

    /**
     * With searchDatasets: only these categories, separated by commas: canonical, decoded, spell, community.
     */
    private String categories;

    /**
     * With searchDatasetsByContract: the contract whose decoded tables to find, 0x and hex digits (or a Tron
     * address).
     */
    private String contractAddress;

    /**
     * The dataset getDataset reads, by its full name, e.g. dex.trades or dune.OWNER.TABLE.
     */
    private String datasetName;

    /**
     * With listDatasets and searchDatasets: only these types, separated by commas, e.g. spell,decoded_table
     * (also dune_table, uploaded_table, transformation_table, transformation_view, materialized_view).
     */
    private String datasetTypes;

    /**
     * With searchDatasets: each result carries Dune's metadata (page rank, contract, ABI type, project).
     */
    private Boolean includeMetadata = false;

    /**
     * With searchDatasets: search private datasets too.
     */
    private Boolean includePrivate = false;

    /**
     * With searchDatasets and searchDatasetsByContract: each result carries its columns.
     */
    private Boolean includeSchema = false;

    /**
     * With listDatasets: only the datasets of this user or team.
     */
    private String ownerHandle;

    /**
     * With searchDatasets: whose datasets, all (Dune's default), me or team.
     */
    private String ownerScope;

    /**
     * With searchDatasets: only these schemas, separated by commas, e.g. dex,uniswap_v3_ethereum.
     */
    private String schemas;

    /**
     * With searchDatasets: what to look for, in words, e.g. uniswap swaps; browses everything.
     */
    private String search;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has
     * by default disabled all producer based health-checks. You can turn on producer checks globally by
     * setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * Allow a plain http:// baseUrl to a host other than this machine. The API key would travel unencrypted;
     * only for a trusted proxy on a private network.
     */
    private Boolean allowInsecureHttp = false;

    /**
     * The Dune API key. Keep it out of URIs: set it on the component, e.g.
     * camel.component.dune.api-key={{env:DUNE_API_KEY}}.
     */
    private String apiKey;

    /**
     * Where the API key is sent: the X-Dune-Api-Key header, or the api_key query parameter (which ends up in
     * proxy and access logs).
     */
    private io.github.cameldune.dune.client.ApiKeyLocation apiKeyLocation = io.github.cameldune.dune.client.ApiKeyLocation.header;

    /**
     * TLS configuration for the connection to Dune.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * Use Camel's global SSL context parameters when no sslContextParameters are set.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * How long to wait for a connection to Dune. A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.
     */
    private String connectTimeout = "30s";

    /**
     * How long to wait for Dune's whole answer to each request, from sending it to the last byte; a body that
     * trickles in fails at this deadline too. A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.
     */
    private String responseTimeout = "60s";

    /**
     * The largest request body of an insert, in bytes (32 MB by default): a larger body is sent in several
     * inserts, cut on row boundaries, each read as it is sent, so memory holds one at a time. Dune bills each
     * insert at least 1 credit, and each is all or nothing on its own. uploadCsv cannot be split (it replaces
     * its table): a CSV larger than this is refused before anything is sent.
     */
    private Integer maxInsertBytes = 33554432;

    /**
     * The namespace of createTable, insert, clearTable and deleteTable: the handle of the user or team the
     * API key belongs to (the only one Dune lets it write).
     */
    private String namespace;

    /**
     * Whether a table createTable or uploadCsv makes is private (only its owner sees it).
     */
    private Boolean privateTable = false;

    /**
     * The columns of createTable, as name:type pairs separated by commas, with ! after the type of a column
     * that takes no nulls, e.g. id:integer!,wallet:varbinary,amount:double; a body that is a list of columns
     * is used when this is not set.
     */
    private String schema;

    /**
     * The description of a table createTable or uploadCsv makes.
     */
    private String tableDescription;

    /**
     * The table of createTable, insert, uploadCsv, clearTable and deleteTable: lowercase letters, digits and
     * underscores, starting with a letter; queried as dune.NAMESPACE.TABLENAME, and a table uploadCsv makes
     * as dune.NAMESPACE.dataset_TABLENAME.
     */
    private String tableName;

    /**
     * The format of an insert body given as text, bytes, a stream or a file: csv (a header line, then rows)
     * or ndjson (one JSON object a line). Rows given as a list or an iterator of maps are always written as
     * NDJSON.
     */
    private String uploadFormat = "csv";

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public io.github.cameldune.dune.DuneConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.cameldune.dune.DuneConfiguration configuration) {
        this.configuration = configuration;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Boolean getAllowPartialResults() {
        return allowPartialResults;
    }

    public void setAllowPartialResults(Boolean allowPartialResults) {
        this.allowPartialResults = allowPartialResults;
    }

    public Boolean getCancelOnTimeout() {
        return cancelOnTimeout;
    }

    public void setCancelOnTimeout(Boolean cancelOnTimeout) {
        this.cancelOnTimeout = cancelOnTimeout;
    }

    public String getColumns() {
        return columns;
    }

    public void setColumns(String columns) {
        this.columns = columns;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public Boolean getExecuteUncertain() {
        return executeUncertain;
    }

    public void setExecuteUncertain(Boolean executeUncertain) {
        this.executeUncertain = executeUncertain;
    }

    public String getExecutionId() {
        return executionId;
    }

    public void setExecutionId(String executionId) {
        this.executionId = executionId;
    }

    public Boolean getFetchAll() {
        return fetchAll;
    }

    public void setFetchAll(Boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    public String getFilters() {
        return filters;
    }

    public void setFilters(String filters) {
        this.filters = filters;
    }

    public org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> getJournal() {
        return journal;
    }

    public void setJournal(org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> journal) {
        this.journal = journal;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(String maxAge) {
        this.maxAge = maxAge;
    }

    public String getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(String maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }

    public io.github.cameldune.dune.OutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(io.github.cameldune.dune.OutputType outputType) {
        this.outputType = outputType;
    }

    public String getPerformance() {
        return performance;
    }

    public void setPerformance(String performance) {
        this.performance = performance;
    }

    public String getPollInitialDelay() {
        return pollInitialDelay;
    }

    public void setPollInitialDelay(String pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public String getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(String pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Long getQueryId() {
        return queryId;
    }

    public void setQueryId(Long queryId) {
        this.queryId = queryId;
    }

    public java.util.Map<java.lang.String, java.lang.Object> getQueryParameters() {
        return queryParameters;
    }

    public void setQueryParameters(java.util.Map<java.lang.String, java.lang.Object> queryParameters) {
        this.queryParameters = queryParameters;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public Boolean getRetryExecuteOnServerError() {
        return retryExecuteOnServerError;
    }

    public void setRetryExecuteOnServerError(Boolean retryExecuteOnServerError) {
        this.retryExecuteOnServerError = retryExecuteOnServerError;
    }

    public String getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(String retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public String getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(String retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Integer getSampleCount() {
        return sampleCount;
    }

    public void setSampleCount(Integer sampleCount) {
        this.sampleCount = sampleCount;
    }

    public String getSortBy() {
        return sortBy;
    }

    public void setSortBy(String sortBy) {
        this.sortBy = sortBy;
    }

    public String getSql() {
        return sql;
    }

    public void setSql(String sql) {
        this.sql = sql;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public String getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(String waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public Boolean getIgnoreMaxDatapointsPerRequest() {
        return ignoreMaxDatapointsPerRequest;
    }

    public void setIgnoreMaxDatapointsPerRequest(Boolean ignoreMaxDatapointsPerRequest) {
        this.ignoreMaxDatapointsPerRequest = ignoreMaxDatapointsPerRequest;
    }

    public Boolean getSynchronous() {
        return synchronous;
    }

    public void setSynchronous(Boolean synchronous) {
        this.synchronous = synchronous;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Double getCreditBudget() {
        return creditBudget;
    }

    public void setCreditBudget(Double creditBudget) {
        this.creditBudget = creditBudget;
    }

    public String getCreditBudgetWindow() {
        return creditBudgetWindow;
    }

    public void setCreditBudgetWindow(String creditBudgetWindow) {
        this.creditBudgetWindow = creditBudgetWindow;
    }

    public Double getCreditEstimate() {
        return creditEstimate;
    }

    public void setCreditEstimate(Double creditEstimate) {
        this.creditEstimate = creditEstimate;
    }

    public String getCreditReconcileInterval() {
        return creditReconcileInterval;
    }

    public void setCreditReconcileInterval(String creditReconcileInterval) {
        this.creditReconcileInterval = creditReconcileInterval;
    }

    public String getCreditSettleInterval() {
        return creditSettleInterval;
    }

    public void setCreditSettleInterval(String creditSettleInterval) {
        this.creditSettleInterval = creditSettleInterval;
    }

    public Double getExportCreditsPerMb() {
        return exportCreditsPerMb;
    }

    public void setExportCreditsPerMb(Double exportCreditsPerMb) {
        this.exportCreditsPerMb = exportCreditsPerMb;
    }

    public String getLongWaitThreshold() {
        return longWaitThreshold;
    }

    public void setLongWaitThreshold(String longWaitThreshold) {
        this.longWaitThreshold = longWaitThreshold;
    }

    public Long getMaxAnswerSize() {
        return maxAnswerSize;
    }

    public void setMaxAnswerSize(Long maxAnswerSize) {
        this.maxAnswerSize = maxAnswerSize;
    }

    public Integer getMaxRequestsInFlight() {
        return maxRequestsInFlight;
    }

    public void setMaxRequestsInFlight(Integer maxRequestsInFlight) {
        this.maxRequestsInFlight = maxRequestsInFlight;
    }

    public Integer getRateLimitRead() {
        return rateLimitRead;
    }

    public void setRateLimitRead(Integer rateLimitRead) {
        this.rateLimitRead = rateLimitRead;
    }

    public Integer getRateLimitWrite() {
        return rateLimitWrite;
    }

    public void setRateLimitWrite(Integer rateLimitWrite) {
        this.rateLimitWrite = rateLimitWrite;
    }

    public Boolean getServerRateLimit() {
        return serverRateLimit;
    }

    public void setServerRateLimit(Boolean serverRateLimit) {
        this.serverRateLimit = serverRateLimit;
    }

    public Boolean getValidateApiKeyOnStart() {
        return validateApiKeyOnStart;
    }

    public void setValidateApiKeyOnStart(Boolean validateApiKeyOnStart) {
        this.validateApiKeyOnStart = validateApiKeyOnStart;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public String getCronExpression() {
        return cronExpression;
    }

    public void setCronExpression(String cronExpression) {
        this.cronExpression = cronExpression;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getMaterializedView() {
        return materializedView;
    }

    public void setMaterializedView(String materializedView) {
        this.materializedView = materializedView;
    }

    public String getPipelineExecutionId() {
        return pipelineExecutionId;
    }

    public void setPipelineExecutionId(String pipelineExecutionId) {
        this.pipelineExecutionId = pipelineExecutionId;
    }

    public Boolean getPrivateView() {
        return privateView;
    }

    public void setPrivateView(Boolean privateView) {
        this.privateView = privateView;
    }

    public Boolean getReadResults() {
        return readResults;
    }

    public void setReadResults(Boolean readResults) {
        this.readResults = readResults;
    }

    public String getBlockchains() {
        return blockchains;
    }

    public void setBlockchains(String blockchains) {
        this.blockchains = blockchains;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }

    public String getContractAddress() {
        return contractAddress;
    }

    public void setContractAddress(String contractAddress) {
        this.contractAddress = contractAddress;
    }

    public String getDatasetName() {
        return datasetName;
    }

    public void setDatasetName(String datasetName) {
        this.datasetName = datasetName;
    }

    public String getDatasetTypes() {
        return datasetTypes;
    }

    public void setDatasetTypes(String datasetTypes) {
        this.datasetTypes = datasetTypes;
    }

    public Boolean getIncludeMetadata() {
        return includeMetadata;
    }

    public void setIncludeMetadata(Boolean includeMetadata) {
        this.includeMetadata = includeMetadata;
    }

    public Boolean getIncludePrivate() {
        return includePrivate;
    }

    public void setIncludePrivate(Boolean includePrivate) {
        this.includePrivate = includePrivate;
    }

    public Boolean getIncludeSchema() {
        return includeSchema;
    }

    public void setIncludeSchema(Boolean includeSchema) {
        this.includeSchema = includeSchema;
    }

    public String getOwnerHandle() {
        return ownerHandle;
    }

    public void setOwnerHandle(String ownerHandle) {
        this.ownerHandle = ownerHandle;
    }

    public String getOwnerScope() {
        return ownerScope;
    }

    public void setOwnerScope(String ownerScope) {
        this.ownerScope = ownerScope;
    }

    public String getSchemas() {
        return schemas;
    }

    public void setSchemas(String schemas) {
        this.schemas = schemas;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public io.github.cameldune.dune.client.ApiKeyLocation getApiKeyLocation() {
        return apiKeyLocation;
    }

    public void setApiKeyLocation(io.github.cameldune.dune.client.ApiKeyLocation apiKeyLocation) {
        this.apiKeyLocation = apiKeyLocation;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(String responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Integer getMaxInsertBytes() {
        return maxInsertBytes;
    }

    public void setMaxInsertBytes(Integer maxInsertBytes) {
        this.maxInsertBytes = maxInsertBytes;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public Boolean getPrivateTable() {
        return privateTable;
    }

    public void setPrivateTable(Boolean privateTable) {
        this.privateTable = privateTable;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getTableDescription() {
        return tableDescription;
    }

    public void setTableDescription(String tableDescription) {
        this.tableDescription = tableDescription;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getUploadFormat() {
        return uploadFormat;
    }

    public void setUploadFormat(String uploadFormat) {
        this.uploadFormat = uploadFormat;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
