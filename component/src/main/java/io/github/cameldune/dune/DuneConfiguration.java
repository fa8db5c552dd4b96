package io.github.cameldune.dune;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.github.cameldune.dune.client.ApiKeyLocation;

/**
 * The options of a {@code dune:} endpoint. Set on the component, they are the defaults of every endpoint; set on an
 * endpoint URI, they override the component's; {@code CamelDune*} headers override both for one message.
 */
@UriParams
public class DuneConfiguration implements Cloneable {

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private DuneOperation operation;

    @UriParam(label = "security", security = "secret",
            description = "The Dune API key. Keep it out of URIs: set it on the component, e.g. "
                    + "camel.component.dune.api-key={{env:DUNE_API_KEY}}.")
    @Metadata(required = true)
    private String apiKey;

    @UriParam(label = "security", defaultValue = "header", enums = "header,query",
            description = "Where the API key is sent: the X-Dune-Api-Key header, or the api_key query parameter "
                    + "(which ends up in proxy and access logs).")
    private ApiKeyLocation apiKeyLocation = ApiKeyLocation.header;

    @UriParam(defaultValue = "https://api.dune.com/api",
            description = "The base URL of the Dune API, without the /v1 version; point it at the emulator or a "
                    + "proxy.")
    private String baseUrl = "https://api.dune.com/api";

    @UriParam(label = "producer", description = "The saved query to execute (a positive number).")
    private Long queryId;

    @UriParam(label = "producer", enums = "small,medium,large",
            description = "The performance tier of the execution. When not set, none is sent and Dune's default "
                    + "applies.")
    private String performance;

    @UriParam(label = "producer", prefix = "param.", multiValue = true,
            description = "Query parameter values, as param.name=value options, e.g. param.wallet=0xabc.")
    private Map<String, Object> queryParameters;

    @UriParam(label = "producer", description = "The execution to read or cancel (status, results, resultsCsv, "
            + "cancel); a String body is used when neither this nor the CamelDuneExecutionId header is set.")
    private String executionId;

    @UriParam(label = "producer", description = "The SQL of executeSql, and of run instead of a saved query; a String "
            + "body is used when neither this nor the CamelDuneSql header is set.")
    private String sql;

    @UriParam(label = "producer", defaultValue = "rows", enums = "rows,stream,json,csv",
            description = "The form of the results: rows (a List of Maps, keys in column order), stream (a lazy "
                    + "Iterator over every row of every page, for split().streaming()), json (one page's response "
                    + "text) or csv (an InputStream over every page, header once).")
    private OutputType outputType = OutputType.rows;

    @UriParam(label = "producer", defaultValue = "false",
            description = "With outputType=rows, follow the pages to the end instead of returning one page.")
    private boolean fetchAll;

    @UriParam(label = "producer", defaultValue = "false",
            description = "With results and resultsCsv: wait, as run does, until the execution has finished before "
                    + "reading it (for an execution started elsewhere, e.g. by dune:execute in another route).")
    private boolean waitForCompletion;

    @UriParam(label = "producer", description = "Rows per page of results (Dune may send fewer).")
    private Integer limit;

    @UriParam(label = "producer", description = "The first row of the page of results, 0-based.")
    private Long offset;

    @UriParam(label = "producer", description = "The result columns to return, comma-separated; fewer columns cost "
            + "fewer credits.")
    private String columns;

    @UriParam(label = "producer", description = "Rows to return, as Dune's SQL-WHERE-like filter, e.g. "
            + "amount_usd > 1000 AND project = 'uniswap'.")
    private String filters;

    @UriParam(label = "producer", description = "The order of the rows, as Dune's SQL-ORDER-BY-like list, e.g. "
            + "amount_usd desc, block_time.")
    private String sortBy;

    @UriParam(label = "producer", description = "Return a uniform random sample of about this many rows; not with "
            + "limit, offset or filters.")
    private Integer sampleCount;

    @UriParam(label = "producer", defaultValue = "false",
            description = "Read a result Dune truncated (QUERY_STATE_COMPLETED_PARTIAL) instead of failing.")
    private boolean allowPartialResults;

    @UriParam(label = "producer,advanced", defaultValue = "false",
            description = "Lift Dune's default cap of 250,000 datapoints per results request.")
    private boolean ignoreMaxDatapointsPerRequest;

    @UriParam(label = "producer", javaType = "java.time.Duration",
            description = "With latestResults: when the latest result ended longer ago than this, or there is none, "
                    + "execute the query and wait for a fresh result instead. Not set: the latest result as it is.")
    private long maxAge;

    @UriParam(label = "producer", defaultValue = "1s", javaType = "java.time.Duration",
            description = "With run: the wait before the first status poll. When the saved query's recent "
                    + "executions all ran longer, polls wait until the shortest of those run times (and a twentieth) "
                    + "has passed since it started, so a query that runs as long as before costs one poll.")
    private long pollInitialDelay = 1_000;

    @UriParam(label = "producer", defaultValue = "1s", javaType = "java.time.Duration",
            description = "With run: the shortest interval between status polls. The interval grows with the time "
                    + "already waited (a tenth of it) up to maxPollInterval.")
    private long pollInterval = 1_000;

    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration",
            description = "With run: the longest interval between status polls.")
    private long maxPollInterval = 30_000;

    @UriParam(label = "producer", defaultValue = "30m", javaType = "java.time.Duration",
            description = "With run: how long to wait for the execution to end before failing with a "
                    + "DuneTimeoutException. The query is never executed again.")
    private long waitTimeout = 1_800_000;

    @UriParam(label = "producer", defaultValue = "false",
            description = "With run: cancel the execution when waitTimeout is reached, so it stops costing credits.")
    private boolean cancelOnTimeout;

    @UriParam(label = "producer,advanced", defaultValue = "false",
            description = "Wait for the answer on the thread that sent the exchange and continue there, instead of "
                    + "continuing on a component worker thread. Saves a thread hand-off (tens of microseconds) when "
                    + "that thread waits anyway (ProducerTemplate.requestBody, a synchronous route), but holds it for "
                    + "the whole call, including the wait of run.")
    private boolean synchronous;

    @UriParam(label = "producer", defaultValue = "3",
            description = "How many times a failed request is sent again at the most: reads and cancel on 429, 502, "
                    + "503, 504 and no answer; execute only on 429 or when the connection failed before sending "
                    + "(see retryExecuteOnServerError). 0 turns retries off.")
    private int maxRetries = 3;

    @UriParam(label = "producer", defaultValue = "1s", javaType = "java.time.Duration",
            description = "The delay before the first retry; it doubles at each retry (with jitter), and is at "
                    + "least Dune's Retry-After (or, without one, the reset of its RateLimit header).")
    private long retryInitialDelay = 1_000;

    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration",
            description = "The longest delay between two attempts of a request.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "producer", defaultValue = "false",
            description = "Also send an execute again after a 5xx or a lost answer. Dune has no idempotency key: the "
                    + "first attempt may have created an execution, so this can run, and bill, the query twice.")
    private boolean retryExecuteOnServerError;

    @UriParam(label = "consumer", description = "Remembers the execution ids a latestResults consumer has emitted, "
            + "so that a restart does not emit the same result again (e.g. a file or JDBC idempotent repository).")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "timeout", defaultValue = "30s", javaType = "java.time.Duration",
            description = "How long to wait for a connection to Dune.")
    private long connectTimeout = 30_000;

    @UriParam(label = "timeout", defaultValue = "60s", javaType = "java.time.Duration",
            description = "How long to wait for Dune's answer to each request.")
    private long responseTimeout = 60_000;

    @UriParam(label = "security", defaultValue = "false", security = "insecure:ssl",
            description = "Allow a plain http:// baseUrl to a host other than this machine. The API key would travel "
                    + "unencrypted; only for a trusted proxy on a private network.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security", description = "TLS configuration for the connection to Dune.")
    private SSLContextParameters sslContextParameters;

    /** The operation to perform. */
    public DuneOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(DuneOperation operation) {
        this.operation = operation;
    }

    /** The Dune API key. */
    public String getApiKey() {
        return apiKey;
    }

    /** The Dune API key. Keep it out of URIs: set it on the component from a placeholder such as {{env:DUNE_API_KEY}}. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Where the API key is sent. */
    public ApiKeyLocation getApiKeyLocation() {
        return apiKeyLocation;
    }

    /** Where the API key is sent: the X-Dune-Api-Key header (default), or the api_key query parameter. */
    public void setApiKeyLocation(ApiKeyLocation apiKeyLocation) {
        this.apiKeyLocation = apiKeyLocation;
    }

    /** The base URL of the Dune API. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** The base URL of the Dune API, without the /v1 version. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The saved query to execute. */
    public Long getQueryId() {
        return queryId;
    }

    /** The saved query to execute (a positive number). */
    public void setQueryId(Long queryId) {
        this.queryId = queryId;
    }

    /** The performance tier. */
    public String getPerformance() {
        return performance;
    }

    /** The performance tier: small, medium or large; unset sends none. */
    public void setPerformance(String performance) {
        this.performance = performance;
    }

    /** Query parameter values by name. */
    public Map<String, Object> getQueryParameters() {
        return queryParameters;
    }

    /** Query parameter values by name (param.name=value options on a URI). */
    public void setQueryParameters(Map<String, Object> queryParameters) {
        this.queryParameters = queryParameters;
    }

    /** The execution to read or cancel. */
    public String getExecutionId() {
        return executionId;
    }

    /** The execution to read or cancel (status, results, resultsCsv, cancel). */
    public void setExecutionId(String executionId) {
        this.executionId = executionId;
    }

    /** The SQL of executeSql and run. */
    public String getSql() {
        return sql;
    }

    /** The SQL of executeSql, and of run instead of a saved query. */
    public void setSql(String sql) {
        this.sql = sql;
    }

    /** The form of the results. */
    public OutputType getOutputType() {
        return outputType;
    }

    /** The form of the results: rows, stream, json or csv. */
    public void setOutputType(OutputType outputType) {
        this.outputType = outputType;
    }

    /** Whether rows follow the pages to the end. */
    public boolean isFetchAll() {
        return fetchAll;
    }

    /** With outputType=rows, follow the pages to the end instead of returning one page. */
    public void setFetchAll(boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    /** Whether results waits for the execution to finish. */
    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    /** With results and resultsCsv: wait, as run does, until the execution has finished before reading it. */
    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    /** Rows per page. */
    public Integer getLimit() {
        return limit;
    }

    /** Rows per page of results (Dune may send fewer). */
    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    /** The first row of the page. */
    public Long getOffset() {
        return offset;
    }

    /** The first row of the page of results, 0-based. */
    public void setOffset(Long offset) {
        this.offset = offset;
    }

    /** The result columns to return. */
    public String getColumns() {
        return columns;
    }

    /** The result columns to return, comma-separated. */
    public void setColumns(String columns) {
        this.columns = columns;
    }

    /** The rows to return. */
    public String getFilters() {
        return filters;
    }

    /** Rows to return, as Dune's SQL-WHERE-like filter. */
    public void setFilters(String filters) {
        this.filters = filters;
    }

    /** The order of the rows. */
    public String getSortBy() {
        return sortBy;
    }

    /** The order of the rows, as Dune's SQL-ORDER-BY-like list. */
    public void setSortBy(String sortBy) {
        this.sortBy = sortBy;
    }

    /** The sample size. */
    public Integer getSampleCount() {
        return sampleCount;
    }

    /** Return a uniform random sample of about this many rows. */
    public void setSampleCount(Integer sampleCount) {
        this.sampleCount = sampleCount;
    }

    /** Whether truncated results are read. */
    public boolean isAllowPartialResults() {
        return allowPartialResults;
    }

    /** Read a result Dune truncated (QUERY_STATE_COMPLETED_PARTIAL) instead of failing. */
    public void setAllowPartialResults(boolean allowPartialResults) {
        this.allowPartialResults = allowPartialResults;
    }

    /** Whether the datapoint cap is lifted. */
    public boolean isIgnoreMaxDatapointsPerRequest() {
        return ignoreMaxDatapointsPerRequest;
    }

    /** Lift Dune's default cap of 250,000 datapoints per results request. */
    public void setIgnoreMaxDatapointsPerRequest(boolean ignoreMaxDatapointsPerRequest) {
        this.ignoreMaxDatapointsPerRequest = ignoreMaxDatapointsPerRequest;
    }

    /** The age limit of latest results in milliseconds, 0 for none. */
    public long getMaxAge() {
        return maxAge;
    }

    /** With latestResults: execute again when the latest result is older than this. */
    public void setMaxAge(long maxAge) {
        this.maxAge = maxAge;
    }

    /** The wait before the first status poll, in milliseconds. */
    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    /** With run: the wait before the first status poll. */
    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    /** The shortest poll interval, in milliseconds. */
    public long getPollInterval() {
        return pollInterval;
    }

    /** With run: the shortest interval between status polls. */
    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** The longest poll interval, in milliseconds. */
    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    /** With run: the longest interval between status polls. */
    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    /** How long run waits, in milliseconds. */
    public long getWaitTimeout() {
        return waitTimeout;
    }

    /** With run: how long to wait for the execution to end. */
    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    /** Whether run cancels on timeout. */
    public boolean isCancelOnTimeout() {
        return cancelOnTimeout;
    }

    /** With run: cancel the execution when waitTimeout is reached. */
    public void setCancelOnTimeout(boolean cancelOnTimeout) {
        this.cancelOnTimeout = cancelOnTimeout;
    }

    /** How many times a failed request is sent again at the most. */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** How many times a failed request is sent again at the most; 0 turns retries off. */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** The delay before the first retry, in milliseconds. */
    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /** The delay before the first retry; it doubles at each retry. */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    /** The longest delay between two attempts, in milliseconds. */
    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /** The longest delay between two attempts of a request. */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    /** Whether an execute is sent again after a 5xx or a lost answer. */
    public boolean isRetryExecuteOnServerError() {
        return retryExecuteOnServerError;
    }

    /** Also send an execute again after a 5xx or a lost answer; this can bill the query twice. */
    public void setRetryExecuteOnServerError(boolean retryExecuteOnServerError) {
        this.retryExecuteOnServerError = retryExecuteOnServerError;
    }

    /** The store of emitted execution ids. */
    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /** Remembers the execution ids a latestResults consumer has emitted, across restarts. */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    /** The connect timeout in milliseconds. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Dune. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The response timeout in milliseconds. */
    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long to wait for Dune's answer to each request. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** Whether the exchange waits for the answer on its own thread. */
    public boolean isSynchronous() {
        return synchronous;
    }

    /** Wait for the answer on the calling thread instead of continuing on a worker thread. */
    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    /** Whether plain HTTP to another host is allowed. */
    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /** Allow a plain http:// baseUrl to a host other than this machine (the key would travel unencrypted). */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    /** The TLS configuration. */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS configuration for the connection to Dune. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
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
