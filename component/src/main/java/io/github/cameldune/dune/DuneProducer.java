package io.github.cameldune.dune;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneExecutionException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.waiting.WaitPolicy;

/**
 * Turns an exchange into Dune API calls and the answers back into headers and body. It never blocks: requests are
 * asynchronous, waiting is a scheduled poll, and the exchange continues on the component's worker threads (never on
 * HttpClient's I/O threads) when the work is done. A failure becomes the exchange's exception, for the route's error
 * handler. Nothing here sends a second execute for one message.
 */
public class DuneProducer extends DefaultAsyncProducer {

    /** A producer for an endpoint. */
    public DuneProducer(DuneEndpoint endpoint) {
        super(endpoint);
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
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
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
            case results -> reader().read(exchange.getMessage(), "results",
                    ResultsTarget.execution(MessageInput.executionId(in, config)),
                    MessageInput.resultOptions(in, config), config.getOutputType(), config.isFetchAll());
            case resultsCsv -> reader().read(exchange.getMessage(), "resultsCsv",
                    ResultsTarget.execution(MessageInput.executionId(in, config)),
                    MessageInput.resultOptions(in, config), OutputType.csv, false);
            case latestResults -> latestResults(exchange, in, config);
            case cancel -> client.cancel(MessageInput.executionId(in, config)).thenAccept(done -> {
                exchange.getMessage().setHeader(DuneConstants.EXECUTION_ID, MessageInput.executionId(in, config));
                exchange.getMessage().setBody(done);
            });
            case run -> run(exchange, in, config);
        };
    }

    /**
     * The latest result of a query; with maxAge, a fresh execution when the latest is too old or missing. The age is
     * read from one row of the latest result, then the rows from that execution.
     */
    private CompletableFuture<?> latestResults(Exchange exchange, Message in, DuneConfiguration config) {
        long queryId = MessageInput.queryId(in, config);
        Map<String, Object> parameters = MessageInput.queryParameters(in, config);
        ResultOptions options = MessageInput.resultOptions(in, config);
        ResultsTarget latest = ResultsTarget.latest(queryId, parameters);
        if (config.getMaxAge() <= 0) {
            return reader().read(exchange.getMessage(), "latestResults", latest, options, config.getOutputType(),
                    config.isFetchAll());
        }
        String performance = MessageInput.performance(in, config);
        Instant oldest = Instant.now().minusMillis(config.getMaxAge());
        return getEndpoint().client().results(latest, ResultOptions.DEFAULT.withLimit(1)).handle((probe, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (cause instanceof DuneNotFoundException notFound && notFound.getDuneError() != null
                    && notFound.getDuneError().contains("No execution found")) {
                return null;
            }
            if (cause != null) {
                throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
            }
            return probe.executionEndedAt() != null && probe.executionEndedAt().isAfter(oldest) ? probe.executionId()
                    : null;
        }).thenCompose(freshEnough -> freshEnough != null
                ? reader().read(exchange.getMessage(), "latestResults", ResultsTarget.execution(freshEnough), options,
                        config.getOutputType(), config.isFetchAll())
                : waitAndRead(exchange, getEndpoint().client().executeQuery(queryId, parameters, performance),
                        "latestResults", queryId, config, options));
    }

    /** Execute (a saved query, or SQL when there is some), wait, read. */
    private CompletableFuture<?> run(Exchange exchange, Message in, DuneConfiguration config) {
        String sql = MessageInput.sql(in, config, false);
        ResultOptions options = MessageInput.resultOptions(in, config);
        String performance = MessageInput.performance(in, config);
        if (sql != null) {
            return waitAndRead(exchange, getEndpoint().client().executeSql(sql, performance), "run", 0L, config,
                    options);
        }
        long queryId = MessageInput.queryId(in, config);
        Map<String, Object> parameters = MessageInput.queryParameters(in, config);
        return waitAndRead(exchange, getEndpoint().client().executeQuery(queryId, parameters, performance), "run",
                queryId, config, options);
    }

    private CompletableFuture<Void> waitAndRead(Exchange exchange, CompletableFuture<DuneExecution> started,
            String operation, Long queryId, DuneConfiguration config, ResultOptions options) {
        WaitPolicy policy = new WaitPolicy(Duration.ofMillis(config.getPollInitialDelay()),
                Duration.ofMillis(config.getPollInterval()), Duration.ofMillis(config.getMaxPollInterval()),
                Duration.ofMillis(config.getWaitTimeout()));
        return started.thenCompose(execution -> {
            // known from now on, so an error handler can fetch the result later
            setExecution(exchange.getMessage(), execution);
            String id = execution.executionId();
            return getEndpoint().waiter().await(operation, id, queryId, policy)
                    .exceptionallyCompose(error -> cancelOnTimeout(error, id, config))
                    .thenCompose(status -> {
                        exchange.getMessage().setHeader(DuneConstants.STATE, status.state().value());
                        DuneExecutionException outcome = DuneExecutionException.forState(operation, queryId, id,
                                status.state(), status.error(), config.isAllowPartialResults());
                        if (outcome != null) {
                            throw outcome;
                        }
                        return reader().read(exchange.getMessage(), operation, ResultsTarget.execution(id),
                                options.withAllowPartialResults(config.isAllowPartialResults()),
                                config.getOutputType(), config.isFetchAll());
                    });
        });
    }

    private CompletableFuture<ExecutionStatus> cancelOnTimeout(Throwable error, String executionId,
            DuneConfiguration config) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof DuneTimeoutException timeout) || !config.isCancelOnTimeout()) {
            return CompletableFuture.failedFuture(cause);
        }
        return getEndpoint().client().cancel(executionId).handle((cancelled, cancelError) -> {
            DuneApiException.Failure f = timeout.getFailure();
            DuneTimeoutException after = new DuneTimeoutException(f, timeout.getWaited(),
                    Boolean.TRUE.equals(cancelled));
            if (cancelError != null) {
                after.addSuppressed(cancelError);
            }
            throw after;
        });
    }

    private ResultsReader reader() {
        return new ResultsReader(getEndpoint().client(),
                Duration.ofMillis(getEndpoint().getConfiguration().getResponseTimeout()));
    }

    private static String requiredSql(Message in, DuneConfiguration config) {
        String sql = MessageInput.sql(in, config, true);
        if (sql == null) {
            throw new DuneInvalidInputException("No SQL: set the " + DuneConstants.SQL + " header, the sql option, "
                    + "or a String body");
        }
        return sql;
    }

    private static void setExecution(Message message, DuneExecution execution) {
        message.setHeader(DuneConstants.EXECUTION_ID, execution.executionId());
        message.setHeader(DuneConstants.STATE, execution.state().value());
        message.setBody(execution);
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
