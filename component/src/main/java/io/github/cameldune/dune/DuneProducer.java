package io.github.cameldune.dune;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionStatus;

/**
 * Turns an exchange into Dune API calls and the answers back into headers and body. It never blocks: requests are
 * asynchronous, waiting is a scheduled poll, and the exchange continues on the component's worker threads (never on
 * HttpClient's I/O threads) when the work is done. A failure becomes the exchange's exception, for the route's error
 * handler. Nothing here sends a second execute for one message.
 */
public class DuneProducer extends DefaultAsyncProducer {

    private WritableHealthCheckRepository healthChecks;
    private DuneHealthCheck healthCheck;

    /** A producer for an endpoint. */
    public DuneProducer(DuneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // producer checks are off in Camel unless camel.health.producersEnabled=true
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new DuneHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
        }
        super.doStop();
    }

    @Override
    public DuneEndpoint getEndpoint() {
        return (DuneEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = start(exchange, exchange.getMessage(), getEndpoint().getConfiguration());
        } catch (RuntimeException e) {
            // bad input: rejected before any request is sent
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (getEndpoint().getConfiguration().isSynchronous()) {
            try {
                work.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                exchange.setException(DuneClient.cause(e));
            }
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(DuneClient.cause(error));
            }
            try {
                getEndpoint().getComponent().workers().execute(() -> callback.done(false));
            } catch (RuntimeException stopping) {
                // the component is stopping: finish here rather than leave the exchange waiting
                callback.done(false);
            }
        });
        return false;
    }

    private CompletableFuture<?> start(Exchange exchange, Message in, DuneConfiguration config) {
        DuneClient client = getEndpoint().client();
        return switch (config.getOperation()) {
            case execute -> client.executeQuery(MessageInput.queryId(in, config),
                    MessageInput.queryParameters(in, config), MessageInput.performance(in, config))
                    .thenAccept(e -> setExecution(exchange.getMessage(), e));
            case executeSql -> client.executeSql(requiredSql(in, config), MessageInput.performance(in, config))
                    .thenAccept(e -> setExecution(exchange.getMessage(), e));
            case status -> client.status(MessageInput.executionId(in, config))
                    .thenAccept(s -> setStatus(exchange.getMessage(), s));
            case results -> operations().results(exchange, in, config, config.getOutputType());
            case resultsCsv -> operations().results(exchange, in, config, OutputType.csv);
            case latestResults -> operations().latestResults(exchange, in, config);
            case cancel -> client.cancel(MessageInput.executionId(in, config)).thenAccept(done -> {
                exchange.getMessage().setHeader(DuneConstants.EXECUTION_ID, MessageInput.executionId(in, config));
                exchange.getMessage().setBody(done);
            });
            case run -> operations().run(exchange, in, config);
        };
    }

    private DuneOperations operations() {
        return new DuneOperations(getEndpoint());
    }

    private static String requiredSql(Message in, DuneConfiguration config) {
        String sql = MessageInput.sql(in, config, true);
        if (sql == null) {
            throw new DuneInvalidInputException("No SQL: set the " + DuneConstants.SQL + " header, the sql option, "
                    + "or a String body");
        }
        return sql;
    }

    static void setExecution(Message message, DuneExecution execution) {
        message.setHeader(DuneConstants.EXECUTION_ID, execution.executionId());
        if (execution.state() != null) {
            message.setHeader(DuneConstants.STATE, execution.state().value());
            message.setBody(execution);
        }
    }

    private static void setStatus(Message message, ExecutionStatus status) {
        message.setHeader(DuneConstants.EXECUTION_ID, status.executionId());
        message.setHeader(DuneConstants.STATE, status.state().value());
        message.setHeader(DuneConstants.EXECUTION_FINISHED, status.isFinished());
        setOrRemove(message, DuneConstants.QUEUE_POSITION, status.queuePosition());
        setOrRemove(message, DuneConstants.SUBMITTED_AT, status.submittedAt());
        setOrRemove(message, DuneConstants.ENDED_AT, status.executionEndedAt());
        setOrRemove(message, DuneConstants.EXECUTION_COST_CREDITS, status.executionCostCredits());
        if (status.resultMetadata() != null) {
            setOrRemove(message, DuneConstants.TOTAL_ROW_COUNT, status.resultMetadata().totalRowCount());
            setOrRemove(message, DuneConstants.COLUMN_NAMES, status.resultMetadata().columnNames());
            setOrRemove(message, DuneConstants.COLUMN_TYPES, status.resultMetadata().columnTypes());
        }
        message.setBody(status);
    }

    private static void setOrRemove(Message message, String name, Object value) {
        if (value == null) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, value);
        }
    }
}
