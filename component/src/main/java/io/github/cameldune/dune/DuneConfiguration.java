package io.github.cameldune.dune;

import io.github.cameldune.dune.client.ApiKeyLocation;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a {@code dune:} endpoint. Set on the component, they are the defaults of every endpoint; set on an
 * endpoint URI, they override the component's; {@code CamelDune*} headers override both for one message.
 * <p>
 * Each option is described once, in its annotation, from which Camel's tooling writes {@code dune.json}, the reference
 * and the IDE and starter metadata; the accessors below are for Camel's configurers and carry no text of their own.
 */
@UriParams
public class DuneConfiguration implements Cloneable {

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private DuneOperation operation;

    @UriParam(
            label = "security",
            security = "secret",
            description = "The Dune API key. Keep it out of URIs: set it on the component, e.g. "
                    + "camel.component.dune.api-key={{env:DUNE_API_KEY}}.")
    private String apiKey;

    @UriParam(
            label = "security",
            defaultValue = "header",
            enums = "header,query",
            description = "Where the API key is sent: the X-Dune-Api-Key header, or the api_key query parameter "
                    + "(which ends up in proxy and access logs).")
    private ApiKeyLocation apiKeyLocation = ApiKeyLocation.header;

    @UriParam(
            defaultValue = "https://api.dune.com/api",
            description =
                    "The base URL of the Dune API, without the /v1 version; point it at the emulator or a " + "proxy.")
    private String baseUrl = "https://api.dune.com/api";

    @UriParam(label = "producer", description = "The saved query to execute (a positive number).")
    private Long queryId;

    @UriParam(
            label = "producer",
            enums = "small,medium,large",
            description = "The performance tier of the execution. When not set, none is sent and Dune's default "
                    + "applies.")
    private String performance;

    @UriParam(
            label = "producer",
            prefix = "param.",
            multiValue = true,
            description = "Query parameter values, as param.name=value options, e.g. param.wallet=0xabc.")
    private Map<String, Object> queryParameters;

    @UriParam(
            label = "producer",
            description = "The execution to read or cancel (status, results, resultsCsv, "
                    + "cancel); a String body is used when neither this nor the CamelDuneExecutionId header is set.")
    private String executionId;

    @UriParam(
            label = "producer",
            description = "The SQL of executeSql, and of run instead of a saved query; a String "
                    + "body is used when neither this nor the CamelDuneSql header is set.")
    private String sql;

    @UriParam(
            label = "producer",
            defaultValue = "rows",
            enums = "rows,stream,json,csv",
            description = "The form of the results: rows (a List of Maps, keys in column order), stream (a lazy "
                    + "Iterator over every row of every page, for split().streaming()), json (one page's response "
                    + "text) or csv (an InputStream over every page, header once).")
    private OutputType outputType = OutputType.rows;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "With outputType=rows, follow the pages to the end instead of returning one page; with "
                    + "listQueries, listMaterializedViews, listDatasets and the searches, every page's entries in one "
                    + "body.")
    private boolean fetchAll;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "With results and resultsCsv: wait, as run does, until the execution has finished before "
                    + "reading it (for an execution started elsewhere, e.g. by dune:execute in another route). With "
                    + "upsertMaterializedView and refreshMaterializedView: wait until the refresh has finished, and "
                    + "fail unless it completed.")
    private boolean waitForCompletion;

    @UriParam(
            label = "producer",
            description = "Rows per page of results (Dune may send fewer); entries per page of listQueries, "
                    + "listMaterializedViews, listDatasets (at most 250) and the searches.")
    private Integer limit;

    @UriParam(
            label = "producer",
            description = "The first row of the page of results, or entry of a list or search, 0-based.")
    private Long offset;

    @UriParam(
            label = "producer",
            description = "The result columns to return, comma-separated; fewer columns cost " + "fewer credits.")
    private String columns;

    @UriParam(
            label = "producer",
            description = "Rows to return, as Dune's SQL-WHERE-like filter, e.g. "
                    + "amount_usd > 1000 AND project = 'uniswap'.")
    private String filters;

    @UriParam(
            label = "producer",
            description =
                    "The order of the rows, as Dune's SQL-ORDER-BY-like list, e.g. " + "amount_usd desc, block_time.")
    private String sortBy;

    @UriParam(
            label = "producer",
            description =
                    "Return a uniform random sample of about this many rows; not with " + "limit, offset or filters.")
    private Integer sampleCount;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "Read a result Dune truncated (QUERY_STATE_COMPLETED_PARTIAL) instead of failing.")
    private boolean allowPartialResults;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "false",
            description = "Lift Dune's default cap of 250,000 datapoints per results request.")
    private boolean ignoreMaxDatapointsPerRequest;

    @UriParam(
            label = "producer",
            javaType = "java.time.Duration",
            description = "With latestResults: when the latest result ended longer ago than this, or there is none, "
                    + "execute the query and wait for a fresh result instead. Not set: the latest result as it is.")
    private long maxAge;

    @UriParam(
            label = "producer",
            defaultValue = "1s",
            javaType = "java.time.Duration",
            description = "With run: the wait before the first status poll. When the saved query's recent "
                    + "executions all ran longer, polls wait until the shortest of those run times (and a twentieth) "
                    + "has passed since it started, so a query that runs as long as before costs one poll.")
    private long pollInitialDelay = 1_000;

    @UriParam(
            label = "producer",
            defaultValue = "1s",
            javaType = "java.time.Duration",
            description = "With run: the shortest interval between status polls. The interval grows with the time "
                    + "already waited (a tenth of it) up to maxPollInterval.")
    private long pollInterval = 1_000;

    @UriParam(
            label = "producer",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "With run: the longest interval between status polls.")
    private long maxPollInterval = 30_000;

    @UriParam(
            label = "producer",
            defaultValue = "30m",
            javaType = "java.time.Duration",
            description = "With run: how long to wait for the execution to end before failing with a "
                    + "DuneTimeoutException. The query is never executed again.")
    private long waitTimeout = 1_800_000;

    @UriParam(
            label = "advanced",
            defaultValue = "5m",
            javaType = "java.time.Duration",
            description = "A wait for an execution longer than this is logged once at INFO, with the execution id, "
                    + "its state and its queue position; 0 never logs.")
    private long longWaitThreshold = 300_000;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "With run: cancel the execution when waitTimeout is reached, so it stops costing credits.")
    private boolean cancelOnTimeout;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "false",
            description = "Wait for the answer on the thread that sent the exchange and continue there, instead of "
                    + "continuing on a component worker thread. Saves a thread hand-off when "
                    + "that thread waits anyway (ProducerTemplate.requestBody, a synchronous route), but holds it for "
                    + "the whole call, including the wait of run.")
    private boolean synchronous;

    @UriParam(
            label = "producer",
            defaultValue = "3",
            description = "How many times a failed request is sent again at the most: reads and cancel after a "
                    + "transient failure (429, 500, 502, 503, 504, no answer); execute only on 429 or when the "
                    + "connection failed before sending (see retryExecuteOnServerError). Status polls of run are not "
                    + "retried: the next poll is their retry. 0 turns retries off.")
    private int maxRetries = 3;

    @UriParam(
            label = "producer",
            defaultValue = "1s",
            javaType = "java.time.Duration",
            description = "The delay before the first retry; it doubles at each retry (with jitter), and is at "
                    + "least Dune's Retry-After (or, without one, the reset of its RateLimit header).")
    private long retryInitialDelay = 1_000;

    @UriParam(
            label = "producer",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "The longest delay between two attempts of a request.")
    private long retryMaxDelay = 30_000;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "Also send an execute again after a 5xx or a lost answer. Dune has no idempotency key: the "
                    + "first attempt may have created an execution, so this can run, and bill, the query twice.")
    private boolean retryExecuteOnServerError;

    @UriParam(
            label = "producer",
            description = "The execution journal of execute and run: a Camel StateRepository the replicas share (for "
                    + "instance camel-dune's KafkaStateRepository). Each message's requestKey is recorded before the "
                    + "execute and its execution id after, so a redelivered message does not execute again: execute "
                    + "answers with the recorded execution, run waits for it and reads its rows.")
    private StateRepository<String, String> journal;

    @UriParam(
            label = "producer",
            description = "With a journal: the request key of a message, as a Simple expression, e.g. "
                    + "${header.orderId}. Not set: the CamelDuneRequestKey header, else a Kafka record's "
                    + "topic-partition@offset, else the message id.")
    private String requestKey;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "With a journal: execute again a request whose key was recorded without an execution id "
                    + "(the attempt ended between its execute and Dune's answer). The first execution may exist, so "
                    + "this can run, and bill, the query twice; by default such a message fails with a "
                    + "DuneUncertainExecutionException that carries the key.")
    private boolean executeUncertain;

    @UriParam(
            label = "producer",
            description = "With usage: the first day of the usage to read, as YYYY-MM-DD. Not set: the current billing "
                    + "period.")
    private String startDate;

    @UriParam(label = "producer", description = "With usage: the last day of the usage to read, as YYYY-MM-DD.")
    private String endDate;

    @UriParam(
            label = "uploads",
            description = "The namespace of createTable, insert, clearTable and deleteTable: the handle of the user or "
                    + "team the API key belongs to (the only one Dune lets it write).")
    private String namespace;

    @UriParam(
            label = "uploads",
            description = "The table of createTable, insert, uploadCsv, clearTable and deleteTable: lowercase letters, "
                    + "digits and underscores, starting with a letter; queried as dune.NAMESPACE.TABLENAME, and "
                    + "a table uploadCsv makes as dune.NAMESPACE.dataset_TABLENAME.")
    private String tableName;

    @UriParam(
            label = "uploads",
            description = "The columns of createTable, as name:type pairs separated by commas, with ! after the type "
                    + "of a column that takes no nulls, e.g. id:integer!,wallet:varbinary,amount:double; a body that "
                    + "is a list of columns is used when this is not set.")
    private String schema;

    @UriParam(label = "uploads", description = "The description of a table createTable or uploadCsv makes.")
    private String tableDescription;

    @UriParam(
            label = "uploads",
            defaultValue = "false",
            description = "Whether a table createTable or uploadCsv makes is private (only its owner sees it).")
    private boolean privateTable;

    @UriParam(
            label = "uploads",
            defaultValue = "csv",
            enums = "csv,ndjson",
            description = "The format of an insert body given as text, bytes, a stream or a file: csv (a header line, "
                    + "then rows) or ndjson (one JSON object a line). Rows given as a list or an iterator of maps are "
                    + "always written as NDJSON.")
    private String uploadFormat = "csv";

    @UriParam(
            label = "uploads",
            defaultValue = "33554432",
            description = "The largest request body of an insert, in bytes (32 MB by default): a larger body is sent "
                    + "in several inserts, cut on row boundaries, each read as it is sent, so memory holds one at a "
                    + "time. Dune bills each insert at least 1 credit, and each is all or nothing on its own. "
                    + "uploadCsv cannot be split (it replaces its table): a CSV larger than this is refused before "
                    + "anything is sent.")
    private int maxInsertBytes = 32 * 1024 * 1024;

    @UriParam(
            label = "dataProducts",
            description = "The materialized view: with upsertMaterializedView its name, result_ and lowercase "
                    + "letters, digits and underscores (8 to 128 characters, not ending with an underscore), or "
                    + "its full name; with getMaterializedView, refreshMaterializedView and "
                    + "deleteMaterializedView its full name, dune.OWNER.result_NAME, as upsertMaterializedView "
                    + "answers it.")
    private String materializedView;

    @UriParam(
            label = "dataProducts",
            description = "With upsertMaterializedView: when Dune refreshes the view, five cron fields in UTC "
                    + "(minute hour day-of-month month day-of-week), at least 15 minutes and at most a week "
                    + "apart, e.g. 0 */6 * * *. Not set: no schedule (an upsert replaces every setting, so a "
                    + "schedule not given is dropped).")
    private String cronExpression;

    @UriParam(
            label = "dataProducts",
            description = "With upsertMaterializedView and a cronExpression: when the schedule stops, an RFC "
                    + "3339 time such as 2027-01-01T00:00:00Z.")
    private String expiresAt;

    @UriParam(
            label = "dataProducts",
            defaultValue = "false",
            description = "With upsertMaterializedView: whether only the owner sees the view (Dune's plans "
                    + "decide who may have private views). Always sent, since an upsert replaces every setting.")
    private boolean privateView;

    @UriParam(
            label = "dataProducts",
            defaultValue = "false",
            description = "With runPipeline: read the rows of the query's own node into the body, in the "
                    + "outputType's form, as run does; otherwise the body is the PipelineRun.")
    private boolean readResults;

    @UriParam(
            label = "dataProducts",
            description = "The pipeline execution pipelineStatus reads; a String body is used when neither this "
                    + "nor the CamelDunePipelineExecutionId header is set.")
    private String pipelineExecutionId;

    @UriParam(
            label = "discovery",
            description = "The dataset getDataset reads, by its full name, e.g. dex.trades or dune.OWNER.TABLE.")
    private String datasetName;

    @UriParam(label = "discovery", description = "With listDatasets: only the datasets of this user or team.")
    private String ownerHandle;

    @UriParam(
            label = "discovery",
            description = "With listDatasets and searchDatasets: only these types, separated by commas, e.g. "
                    + "spell,decoded_table (also dune_table, uploaded_table, transformation_table, "
                    + "transformation_view, materialized_view).")
    private String datasetTypes;

    @UriParam(
            label = "discovery",
            description =
                    "With searchDatasets: what to look for, in words, e.g. uniswap swaps; * browses " + "everything.")
    private String search;

    @UriParam(
            label = "discovery",
            description = "With searchDatasets: only these categories, separated by commas: canonical, decoded, "
                    + "spell, community.")
    private String categories;

    @UriParam(
            label = "discovery",
            description = "With searchDatasets and searchDatasetsByContract: only these chains, separated by "
                    + "commas, e.g. ethereum,base.")
    private String blockchains;

    @UriParam(
            label = "discovery",
            description =
                    "With searchDatasets: only these schemas, separated by commas, e.g. " + "dex,uniswap_v3_ethereum.")
    private String schemas;

    @UriParam(
            label = "discovery",
            enums = "all,me,team",
            description = "With searchDatasets: whose datasets, all (Dune's default), me or team.")
    private String ownerScope;

    @UriParam(
            label = "discovery",
            defaultValue = "false",
            description = "With searchDatasets: search private datasets too.")
    private boolean includePrivate;

    @UriParam(
            label = "discovery",
            defaultValue = "false",
            description = "With searchDatasets and searchDatasetsByContract: each result carries its columns.")
    private boolean includeSchema;

    @UriParam(
            label = "discovery",
            defaultValue = "false",
            description = "With searchDatasets: each result carries Dune's metadata (page rank, contract, ABI "
                    + "type, project).")
    private boolean includeMetadata;

    @UriParam(
            label = "discovery",
            description = "With searchDatasetsByContract: the contract whose decoded tables to find, 0x and hex "
                    + "digits (or a Tron address).")
    private String contractAddress;

    @UriParam(
            label = "consumer",
            description =
                    "Remembers the execution ids a latestResults consumer has emitted, "
                            + "so that a restart does not emit the same result again (e.g. a file or JDBC idempotent repository).")
    private IdempotentRepository idempotentRepository;

    @UriParam(
            label = "timeout",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "How long to wait for a connection to Dune.")
    private long connectTimeout = 30_000;

    @UriParam(
            label = "timeout",
            defaultValue = "60s",
            javaType = "java.time.Duration",
            description =
                    "How long to wait for Dune's whole answer to each request, from sending it to the last byte; a body that trickles in fails at this deadline too.")
    private long responseTimeout = 60_000;

    @UriParam(
            label = "security",
            defaultValue = "false",
            security = "insecure:ssl",
            description = "Allow a plain http:// baseUrl to a host other than this machine. The API key would travel "
                    + "unencrypted; only for a trusted proxy on a private network.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security", description = "TLS configuration for the connection to Dune.")
    private SSLContextParameters sslContextParameters;

    public DuneOperation getOperation() {
        return operation;
    }

    public void setOperation(DuneOperation operation) {
        this.operation = operation;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public ApiKeyLocation getApiKeyLocation() {
        return apiKeyLocation;
    }

    public void setApiKeyLocation(ApiKeyLocation apiKeyLocation) {
        this.apiKeyLocation = apiKeyLocation;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Long getQueryId() {
        return queryId;
    }

    public void setQueryId(Long queryId) {
        this.queryId = queryId;
    }

    public String getPerformance() {
        return performance;
    }

    public void setPerformance(String performance) {
        this.performance = performance;
    }

    public Map<String, Object> getQueryParameters() {
        return queryParameters;
    }

    public void setQueryParameters(Map<String, Object> queryParameters) {
        this.queryParameters = queryParameters;
    }

    public String getExecutionId() {
        return executionId;
    }

    public void setExecutionId(String executionId) {
        this.executionId = executionId;
    }

    public String getSql() {
        return sql;
    }

    public void setSql(String sql) {
        this.sql = sql;
    }

    public OutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(OutputType outputType) {
        this.outputType = outputType;
    }

    public boolean isFetchAll() {
        return fetchAll;
    }

    public void setFetchAll(boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }

    public String getColumns() {
        return columns;
    }

    public void setColumns(String columns) {
        this.columns = columns;
    }

    public String getFilters() {
        return filters;
    }

    public void setFilters(String filters) {
        this.filters = filters;
    }

    public String getSortBy() {
        return sortBy;
    }

    public void setSortBy(String sortBy) {
        this.sortBy = sortBy;
    }

    public Integer getSampleCount() {
        return sampleCount;
    }

    public void setSampleCount(Integer sampleCount) {
        this.sampleCount = sampleCount;
    }

    public boolean isAllowPartialResults() {
        return allowPartialResults;
    }

    public void setAllowPartialResults(boolean allowPartialResults) {
        this.allowPartialResults = allowPartialResults;
    }

    public boolean isIgnoreMaxDatapointsPerRequest() {
        return ignoreMaxDatapointsPerRequest;
    }

    public void setIgnoreMaxDatapointsPerRequest(boolean ignoreMaxDatapointsPerRequest) {
        this.ignoreMaxDatapointsPerRequest = ignoreMaxDatapointsPerRequest;
    }

    public long getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(long maxAge) {
        this.maxAge = maxAge;
    }

    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getLongWaitThreshold() {
        return longWaitThreshold;
    }

    public void setLongWaitThreshold(long longWaitThreshold) {
        this.longWaitThreshold = longWaitThreshold;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public boolean isCancelOnTimeout() {
        return cancelOnTimeout;
    }

    public void setCancelOnTimeout(boolean cancelOnTimeout) {
        this.cancelOnTimeout = cancelOnTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isRetryExecuteOnServerError() {
        return retryExecuteOnServerError;
    }

    public void setRetryExecuteOnServerError(boolean retryExecuteOnServerError) {
        this.retryExecuteOnServerError = retryExecuteOnServerError;
    }

    public StateRepository<String, String> getJournal() {
        return journal;
    }

    public void setJournal(StateRepository<String, String> journal) {
        this.journal = journal;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public boolean isExecuteUncertain() {
        return executeUncertain;
    }

    public void setExecuteUncertain(boolean executeUncertain) {
        this.executeUncertain = executeUncertain;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
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

    public boolean isPrivateTable() {
        return privateTable;
    }

    public void setPrivateTable(boolean privateTable) {
        this.privateTable = privateTable;
    }

    public String getUploadFormat() {
        return uploadFormat;
    }

    public void setUploadFormat(String uploadFormat) {
        this.uploadFormat = uploadFormat;
    }

    public int getMaxInsertBytes() {
        return maxInsertBytes;
    }

    public void setMaxInsertBytes(int maxInsertBytes) {
        this.maxInsertBytes = maxInsertBytes;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public boolean isSynchronous() {
        return synchronous;
    }

    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getMaterializedView() {
        return materializedView;
    }

    public void setMaterializedView(String materializedView) {
        this.materializedView = materializedView;
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

    public boolean isPrivateView() {
        return privateView;
    }

    public void setPrivateView(boolean privateView) {
        this.privateView = privateView;
    }

    public boolean isReadResults() {
        return readResults;
    }

    public void setReadResults(boolean readResults) {
        this.readResults = readResults;
    }

    public String getPipelineExecutionId() {
        return pipelineExecutionId;
    }

    public void setPipelineExecutionId(String pipelineExecutionId) {
        this.pipelineExecutionId = pipelineExecutionId;
    }

    public String getDatasetName() {
        return datasetName;
    }

    public void setDatasetName(String datasetName) {
        this.datasetName = datasetName;
    }

    public String getOwnerHandle() {
        return ownerHandle;
    }

    public void setOwnerHandle(String ownerHandle) {
        this.ownerHandle = ownerHandle;
    }

    public String getDatasetTypes() {
        return datasetTypes;
    }

    public void setDatasetTypes(String datasetTypes) {
        this.datasetTypes = datasetTypes;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }

    public String getBlockchains() {
        return blockchains;
    }

    public void setBlockchains(String blockchains) {
        this.blockchains = blockchains;
    }

    public String getSchemas() {
        return schemas;
    }

    public void setSchemas(String schemas) {
        this.schemas = schemas;
    }

    public String getOwnerScope() {
        return ownerScope;
    }

    public void setOwnerScope(String ownerScope) {
        this.ownerScope = ownerScope;
    }

    public boolean isIncludePrivate() {
        return includePrivate;
    }

    public void setIncludePrivate(boolean includePrivate) {
        this.includePrivate = includePrivate;
    }

    public boolean isIncludeSchema() {
        return includeSchema;
    }

    public void setIncludeSchema(boolean includeSchema) {
        this.includeSchema = includeSchema;
    }

    public boolean isIncludeMetadata() {
        return includeMetadata;
    }

    public void setIncludeMetadata(boolean includeMetadata) {
        this.includeMetadata = includeMetadata;
    }

    public String getContractAddress() {
        return contractAddress;
    }

    public void setContractAddress(String contractAddress) {
        this.contractAddress = contractAddress;
    }

    /** A copy for an endpoint, so that its options do not change the component's. */
    public DuneConfiguration copy() {
        try {
            DuneConfiguration copy = (DuneConfiguration) clone();
            copy.queryParameters = queryParameters == null ? null : new HashMap<>(queryParameters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
