package io.github.cameldune.dune;

import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.RetryPolicy;
import io.github.cameldune.dune.credits.CreditBudget;
import io.github.cameldune.dune.credits.CreditGuard;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.handler.OperationHandler;
import io.github.cameldune.dune.handler.OperationHandlers;
import io.github.cameldune.dune.waiting.ExecutionWaiter;
import io.github.cameldune.dune.waiting.PipelineWaiter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Runs Dune Analytics queries: execute saved queries or SQL, wait for them without holding a thread, and fetch their
 * results as rows, a stream, JSON or CSV; or start a route from each new result, or from a scheduled run.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "dune",
        title = "Dune Analytics",
        syntax = "dune:operation",
        category = {Category.CLOUD, Category.DATABASE},
        headersClass = DuneConstants.class)
// failed polls always reach the route's error handler: the option would promise a choice there is not
@Metadata(excludeProperties = "bridgeErrorHandler")
public class DuneEndpoint extends ScheduledPollEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriParam
    private final DuneConfiguration configuration;

    @UriParam(
            label = "advanced",
            defaultValue = "0",
            description = "Credits this endpoint's billed requests (executions, writes) may spend per the component's "
                    + "creditBudgetWindow, besides the component's creditBudget, reserved and settled the same way: a "
                    + "request whose expected cost would go past it fails with a DuneBudgetExceededException before "
                    + "it is sent. 0 for none.")
    private double creditBudget;

    private CreditBudget budget;
    private DuneClient client;
    private OperationHandlers handlers;
    private OperationHandler handler;

    DuneEndpoint(String uri, DuneComponent component, DuneConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new DuneProducer(this);
    }

    /** Consumers exist for latestResults (emit each new result) and run (a scheduled refresh). */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DuneOperation op = configuration.getOperation();
        if (op != DuneOperation.latestResults && op != DuneOperation.run) {
            throw new IllegalArgumentException("dune:" + op + " cannot start a route; use from(\"dune:latestResults?"
                    + "queryId=...\") or from(\"dune:run?queryId=...\")");
        }
        DuneConsumer consumer = new DuneConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
            throw new DuneInvalidInputException("No Dune API key: set camel.component.dune.api-key (for instance "
                    + "to {{env:DUNE_API_KEY}}) or apiKey on the endpoint");
        }
        if (configuration.getApiKey().indexOf('\r') >= 0
                || configuration.getApiKey().indexOf('\n') >= 0) {
            throw new DuneInvalidInputException("The Dune API key contains a line break; check how it is configured");
        }
        RetryPolicy retries = new RetryPolicy(
                configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryInitialDelay()),
                Duration.ofMillis(configuration.getRetryMaxDelay()),
                configuration.isRetryExecuteOnServerError());
        client = new DuneClient(
                getComponent().transport(configuration),
                configuration.getBaseUrl(),
                configuration.getApiKey(),
                configuration.getApiKeyLocation(),
                Duration.ofMillis(configuration.getResponseTimeout()),
                getComponent().getMaxAnswerSize(),
                retries,
                getComponent().clientServices());
        if (configuration.getJournal() != null) {
            // started once however many endpoints share it, stopped with the context, after the routes
            getCamelContext().addService(configuration.getJournal(), true, true);
        }
        getComponent().validateApiKey(this);
        getComponent().startCredits(client);
        ExecutionWaiter waiter = new ExecutionWaiter(
                client,
                getComponent().poller(),
                getComponent().durations(),
                getComponent().clientServices().inFlight(),
                getComponent().metrics());
        handlers = new OperationHandlers(
                configuration,
                client,
                new CreditGuard(getComponent().ledger(), budget(), client.withoutRetries()::status),
                waiter,
                new PipelineWaiter(
                        client.withoutRetries().pipelines()::status,
                        waiter,
                        getComponent().poller(),
                        getComponent().clientServices().inFlight()),
                getComponent().workers());
        handler = handlers.producer();
    }

    /** The endpoint's own budget, or null when it has none. */
    CreditBudget creditBudget() {
        return creditBudget > 0 ? budget() : null;
    }

    /** The endpoint's own budget, kept across restarts, or null. */
    private synchronized CreditBudget budget() {
        if (budget == null && creditBudget > 0) {
            budget = new CreditBudget(
                    "endpoint",
                    BigDecimal.valueOf(creditBudget),
                    Duration.ofMillis(getComponent().getCreditBudgetWindow()));
        }
        return budget;
    }

    public double getCreditBudget() {
        return creditBudget;
    }

    public void setCreditBudget(double creditBudget) {
        this.creditBudget = creditBudget;
    }

    @Override
    public DuneComponent getComponent() {
        return (DuneComponent) super.getComponent();
    }

    /** The endpoint's options. */
    public DuneConfiguration getConfiguration() {
        return configuration;
    }

    /** The Dune API client, available once the endpoint is started. */
    DuneClient client() {
        return client;
    }

    /** What the endpoint's operation does with an exchange, chosen once when it starts. */
    OperationHandler handler() {
        return handler;
    }

    /** The handlers of the started endpoint, whose pollers the consumers take; null before it starts. */
    OperationHandlers handlers() {
        return handlers;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return URI.create(configuration.getBaseUrl()).getScheme();
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getQueryId() == null
                ? null
                : Map.of("queryId", String.valueOf(configuration.getQueryId()));
    }
}
