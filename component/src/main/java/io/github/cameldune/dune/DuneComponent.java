package io.github.cameldune.dune;

import io.github.cameldune.dune.client.ClientServices;
import io.github.cameldune.dune.client.Deadlines;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.HttpTransport;
import io.github.cameldune.dune.client.InFlight;
import io.github.cameldune.dune.client.RateLimiter;
import io.github.cameldune.dune.client.RequestGate;
import io.github.cameldune.dune.client.ServerPacing;
import io.github.cameldune.dune.credits.CreditBudget;
import io.github.cameldune.dune.credits.CreditLedger;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.metrics.MicrometerBinding;
import io.github.cameldune.dune.waiting.DurationHistory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code dune:} component: runs Dune Analytics queries. It owns the HTTP connection pool that its endpoints share,
 * started with the first endpoint that needs it and closed when the component stops. Its own options are described
 * once, in their annotations.
 */
@Component("dune")
// failed consumer polls always reach the route's error handler (see DuneConsumer)
@Metadata(excludeProperties = "bridgeErrorHandler")
@ManagedResource(description = "Managed Dune component")
public class DuneComponent extends HealthCheckComponent implements SSLContextParametersAware, ManagedDuneComponent {

    /** The User-Agent sent with every request: {@code camel-dune/<version>}. */
    public static final String USER_AGENT = HttpTransport.USER_AGENT;

    private static final long DEFAULT_MAX_ANSWER_SIZE = 64L * 1024 * 1024;

    @Metadata(description = "The options shared by every endpoint of this component.")
    private DuneConfiguration configuration = new DuneConfiguration();

    @Metadata(
            label = "security",
            defaultValue = "false",
            description = "Use Camel's global SSL context parameters when no sslContextParameters are set.")
    private boolean useGlobalSslContextParameters;

    @Metadata(
            label = "advanced",
            defaultValue = "10",
            description = "Threads that continue exchanges once Dune has answered, and read further pages of "
                    + "streamed results; created when needed. No thread waits for Dune.")
    private int workerPoolSize = 10;

    @Metadata(
            label = "advanced",
            defaultValue = "0",
            description = "Requests per minute this component sends to Dune's write endpoints (execute, executeSql), "
                    + "spaced evenly and shared by all its endpoints; 0 for no limit. Set it to your plan's low limit "
                    + "(e.g. 15 on Free) to avoid 429s.")
    private int rateLimitWrite;

    @Metadata(
            label = "advanced",
            defaultValue = "0",
            description = "Requests per minute this component sends to Dune's read endpoints (status, results, CSV, "
                    + "latest results, cancel), spaced evenly and shared by all its endpoints; 0 for no limit. Set "
                    + "it to your plan's high limit (e.g. 40 on Free).")
    private int rateLimitRead;

    @Metadata(
            label = "advanced",
            defaultValue = "67108864",
            description = "The largest answer body, in bytes, camel-dune keeps of one request (64 MiB: Dune's "
                    + "largest pages are a few MiB). A larger answer aborts the request and fails the exchange with a "
                    + "DuneAnswerTooLargeException, before it can fill the heap. Answers are never compressed.")
    private long maxAnswerSize = DEFAULT_MAX_ANSWER_SIZE;

    @Metadata(
            label = "advanced",
            defaultValue = "true",
            description = "Pace requests by the RateLimit headers Dune answers with: below three quarters of a "
                    + "bucket's quota left, each replica sends at the plan's rate times its share of the requests Dune "
                    + "counted, and with none left they wait for its reset. Dune counts every client of the account, so replicas sharing a plan share its quota "
                    + "instead of each keeping all of it; rateLimitWrite and rateLimitRead stay an upper bound.")
    private boolean serverRateLimit = true;

    @Metadata(
            label = "advanced",
            defaultValue = "10000",
            description = "Requests this component has in flight to Dune at most; the next ones wait in a queue, "
                    + "holding no thread and no buffer, and go out as earlier ones complete (0: no limit).")
    private int maxRequestsInFlight = 10_000;

    @Metadata(
            label = "advanced",
            defaultValue = "0",
            description = "Credits this component may spend per creditBudgetWindow. Each billed request (an "
                    + "execution, a write to a table) reserves what it is expected to cost before it is sent, and is "
                    + "refused with a DuneBudgetExceededException, sending nothing, when the reservations and the "
                    + "credits counted would go past the budget; a reservation becomes what Dune charged once it says. "
                    + "Export credits are counted as results are read. The budget is reconciled every "
                    + "creditReconcileInterval with the account's usage, so what other replicas and tools spent counts "
                    + "too. Executions already started are never cancelled. 0 turns the budget off.")
    private double creditBudget;

    @Metadata(
            label = "advanced",
            defaultValue = "0",
            description = "Credits an execution of a query this component has not seen run yet (on the same tier) is "
                    + "expected to cost, reserved against the credit budgets until Dune reports its cost. 0 takes the "
                    + "highest cost seen so far on that tier, or the tier's list price when none was seen (10 credits "
                    + "on medium and small, 20 on large). A query seen before is expected to cost what it cost last "
                    + "time.")
    private double creditEstimate;

    @Metadata(
            label = "advanced",
            defaultValue = "10s",
            javaType = "java.time.Duration",
            description = "How often, with a credit budget, the component reads the status (free) of the executions it "
                    + "started whose status no route has read for that long, at most 100 at a time, until they end: "
                    + "their reservations then become what Dune charged. 0 never reads them: they stay reserved at "
                    + "their expected cost until they leave the window.")
    private long creditSettleInterval = 10_000;

    @Metadata(
            label = "advanced",
            defaultValue = "1d",
            javaType = "java.time.Duration",
            description = "The rolling window of creditBudget.")
    private long creditBudgetWindow = 86_400_000;

    @Metadata(
            label = "advanced",
            defaultValue = "5m",
            javaType = "java.time.Duration",
            description = "How often the creditBudget is reconciled with the account's usage (POST /v1/usage, free), "
                    + "so that credits spent elsewhere count against it; 0 counts only what this JVM saw.")
    private long creditReconcileInterval = 300_000;

    @Metadata(
            label = "advanced",
            defaultValue = "20",
            description = "Your plan's export rate, in credits per MB of results read (Free 20, Analyst 10, Plus 2), "
                    + "from which the export credits of the metrics and the budget are estimated.")
    private double exportCreditsPerMb = 20;

    @Metadata(
            label = "advanced",
            defaultValue = "false",
            description = "Check the API key when the first endpoint of each base URL and key starts, with one free "
                    + "request, and fail the start when Dune rejects it, instead of finding out on the first message.")
    private boolean validateApiKeyOnStart;

    private RateLimiter rateLimiter;
    private final ComponentHealth health = new ComponentHealth();

    private final DurationHistory durations = new DurationHistory();
    private final InFlight inFlight = new InFlight();
    private final Deadlines deadlines = new Deadlines();
    private RequestGate gate;
    private ServerPacing pacing;
    private final ComponentCredits credits = new ComponentCredits();
    private final ComponentStop stop = new ComponentStop(inFlight);
    private final ComponentThreads threads = new ComponentThreads(this);

    private final ComponentTransports transports = new ComponentTransports();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DuneConfiguration config = configuration.copy();
        config.setOperation(DuneOperation.of(remaining));
        DuneEndpoint endpoint = new DuneEndpoint(uri, this, config);
        Map<String, Object> queryParameters = PropertiesHelper.extractProperties(parameters, "param.");
        // before Camel converts them: a value it cannot convert, or would overflow, is named with what is allowed
        OptionChecks.uriText(parameters);
        setProperties(endpoint, parameters);
        if (!queryParameters.isEmpty()) {
            Map<String, Object> merged =
                    config.getQueryParameters() == null ? new HashMap<>() : new HashMap<>(config.getQueryParameters());
            merged.putAll(queryParameters);
            config.setQueryParameters(merged);
        }
        // before any route runs: a mistake must fail the start, not bill an execution per message
        OptionChecks.component(this);
        OptionChecks.endpoint(config);
        OptionChecks.journal(config, getCamelContext());
        OptionChecks.notNegative("creditBudget", endpoint.getCreditBudget(), "zero (no budget) or more");
        if (config.getSslContextParameters() == null && useGlobalSslContextParameters) {
            config.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    /** The shared HTTP pool for an endpoint's connect timeout and TLS settings. */
    HttpTransport transport(DuneConfiguration config) throws Exception {
        return transports.transport(config, getCamelContext());
    }

    /** The rate limiter shared by the component's endpoints, or null when no limit is set. */
    synchronized RateLimiter rateLimiter() {
        if (rateLimiter == null && (rateLimitWrite > 0 || rateLimitRead > 0)) {
            rateLimiter = new RateLimiter(rateLimitWrite, rateLimitRead);
        }
        return rateLimiter;
    }

    /** The health check of an endpoint's base URL and key, shared by the producers that use them. */
    DuneHealthCheck healthCheck(DuneEndpoint endpoint) {
        return health.check(endpoint, getCamelContext(), this);
    }

    /** Whether the producer giving up its check was the last to use it, which may then be unregistered. */
    boolean releaseHealthCheck(DuneEndpoint endpoint) {
        return health.release(endpoint);
    }

    /** With {@code validateApiKeyOnStart}, checks the endpoint's key with one free request (once per URL and key). */
    void validateApiKey(DuneEndpoint endpoint) {
        if (validateApiKeyOnStart) {
            health.validateApiKey(endpoint);
        }
    }

    /** What the component's endpoints share to talk to Dune. */
    synchronized ClientServices clientServices() {
        if (gate == null) {
            gate = new RequestGate(maxRequestsInFlight);
            pacing = serverRateLimit ? new ServerPacing() : null;
        }
        return new ClientServices(
                poller(), rateLimiter(), inFlight, gate, credits.ledger(this), credits.metrics(), pacing, deadlines);
    }

    /**
     * Starts reconciling the component's budget with the account's usage, and settling executions nobody reads,
     * through the first endpoint's client.
     */
    void startCredits(DuneClient client) {
        credits.start(client, poller(), creditReconcileInterval, creditSettleInterval);
    }

    /** The component's credit ledger, where billed requests reserve and the client reports costs. */
    CreditLedger ledger() {
        return credits.ledger(this);
    }

    @Override
    public DuneMetrics metrics() {
        return credits.metrics();
    }

    @Override
    public CreditBudget creditBudget() {
        return credits.budget();
    }

    /** How long each saved query took last time, shared by the endpoints so their first polls come at the end. */
    DurationHistory durations() {
        return durations;
    }

    /** The scheduler of status polls, retries and deadlines: one thread for any number of waiting executions. */
    ScheduledExecutorService poller() {
        return threads.poller(getCamelContext().getExecutorServiceManager());
    }

    /** The threads that continue exchanges, so that routes never run on (and block) HttpClient's I/O threads. */
    ExecutorService workers() {
        return threads.workers(getCamelContext().getExecutorServiceManager(), workerPoolSize);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MicrometerBinding.bindIfPresent(getCamelContext(), credits.metrics());
        stop.watch(getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        // before the connections close and the threads stop: no exchange may be left pending
        stop.componentStopping();
        credits.stop();
        synchronized (this) {
            transports.close();
            threads.shutdown(getCamelContext().getExecutorServiceManager());
        }
        super.doStop();
    }

    public DuneConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DuneConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration);
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public int getRateLimitWrite() {
        return rateLimitWrite;
    }

    public void setRateLimitWrite(int rateLimitWrite) {
        this.rateLimitWrite = rateLimitWrite;
    }

    public int getRateLimitRead() {
        return rateLimitRead;
    }

    public void setRateLimitRead(int rateLimitRead) {
        this.rateLimitRead = rateLimitRead;
    }

    public double getCreditBudget() {
        return creditBudget;
    }

    public void setCreditBudget(double creditBudget) {
        this.creditBudget = creditBudget;
    }

    public double getCreditEstimate() {
        return creditEstimate;
    }

    public void setCreditEstimate(double creditEstimate) {
        this.creditEstimate = creditEstimate;
    }

    public long getCreditSettleInterval() {
        return creditSettleInterval;
    }

    public void setCreditSettleInterval(long creditSettleInterval) {
        this.creditSettleInterval = creditSettleInterval;
    }

    public long getCreditBudgetWindow() {
        return creditBudgetWindow;
    }

    public void setCreditBudgetWindow(long creditBudgetWindow) {
        this.creditBudgetWindow = creditBudgetWindow;
    }

    public long getCreditReconcileInterval() {
        return creditReconcileInterval;
    }

    public void setCreditReconcileInterval(long creditReconcileInterval) {
        this.creditReconcileInterval = creditReconcileInterval;
    }

    public double getExportCreditsPerMb() {
        return exportCreditsPerMb;
    }

    public void setExportCreditsPerMb(double exportCreditsPerMb) {
        this.exportCreditsPerMb = exportCreditsPerMb;
    }

    public boolean isServerRateLimit() {
        return serverRateLimit;
    }

    public void setServerRateLimit(boolean serverRateLimit) {
        this.serverRateLimit = serverRateLimit;
    }

    public int getMaxRequestsInFlight() {
        return maxRequestsInFlight;
    }

    public void setMaxRequestsInFlight(int maxRequestsInFlight) {
        this.maxRequestsInFlight = maxRequestsInFlight;
    }

    public long getMaxAnswerSize() {
        return maxAnswerSize;
    }

    public void setMaxAnswerSize(long maxAnswerSize) {
        this.maxAnswerSize = maxAnswerSize;
    }

    public boolean isValidateApiKeyOnStart() {
        return validateApiKeyOnStart;
    }

    public void setValidateApiKeyOnStart(boolean validateApiKeyOnStart) {
        this.validateApiKeyOnStart = validateApiKeyOnStart;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }
}
