package io.github.cameldune.dune;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneExecutionException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.waiting.WaitPolicy;

/**
 * The operations made of several calls, shared by the producer and the consumer: {@code run} (execute, wait, read) and
 * {@code latestResults} (with {@code maxAge}, execute again when too old). They fill the exchange's message.
 */
final class DuneOperations {

    private final DuneEndpoint endpoint;

    DuneOperations(DuneEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    ResultsReader reader() {
        return new ResultsReader(endpoint.client(), Duration.ofMillis(endpoint.getConfiguration().getResponseTimeout()));
    }

    /** The results of an execution; with waitForCompletion, once it has finished. */
    CompletableFuture<Void> results(Exchange exchange, Message in, DuneConfiguration config, OutputType type) {
        String executionId = MessageInput.executionId(in, config);
        ResultOptions options = MessageInput.resultOptions(in, config);
        String operation = type == OutputType.csv && config.getOperation() == DuneOperation.resultsCsv ? "resultsCsv"
                : "results";
        if (!config.isWaitForCompletion()) {
            return reader().read(exchange.getMessage(), operation, ResultsTarget.execution(executionId), options, type,
                    config.isFetchAll());
        }
        // no state yet: the first status poll tells it
        return waitAndRead(exchange, CompletableFuture.completedFuture(new DuneExecution(executionId, null)),
                operation, null, config, options, type);
    }

    /**
     * The latest result of a query; with maxAge, a fresh execution when the latest is too old or missing. The age is
     * read from one row of the latest result, then the rows from that execution.
     */
    CompletableFuture<?> latestResults(Exchange exchange, Message in, DuneConfiguration config) {
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
        return endpoint.client().results(latest, ResultOptions.DEFAULT.withLimit(1)).handle((probe, error) -> {
            Throwable cause = DuneClient.cause(error);
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
                : waitAndRead(exchange, endpoint.client().executeQuery(queryId, parameters, performance),
                        "latestResults", queryId, config, options, config.getOutputType()));
    }

    /** Execute (a saved query, or SQL when there is some), wait, read. */
    CompletableFuture<Void> run(Exchange exchange, Message in, DuneConfiguration config) {
        String sql = MessageInput.sql(in, config, false);
        ResultOptions options = MessageInput.resultOptions(in, config);
        String performance = MessageInput.performance(in, config);
        if (sql != null) {
            return waitAndRead(exchange, endpoint.client().executeSql(sql, performance), "run", 0L, config,
                    options, config.getOutputType());
        }
        long queryId = MessageInput.queryId(in, config);
        Map<String, Object> parameters = MessageInput.queryParameters(in, config);
        return waitAndRead(exchange, endpoint.client().executeQuery(queryId, parameters, performance), "run",
                queryId, config, options, config.getOutputType());
    }

    private CompletableFuture<Void> waitAndRead(Exchange exchange, CompletableFuture<DuneExecution> started,
            String operation, Long queryId, DuneConfiguration config, ResultOptions options, OutputType type) {
        WaitPolicy policy = new WaitPolicy(Duration.ofMillis(config.getPollInitialDelay()),
                Duration.ofMillis(config.getPollInterval()), Duration.ofMillis(config.getMaxPollInterval()),
                Duration.ofMillis(config.getWaitTimeout()));
        return started.thenCompose(execution -> {
            // known from now on, so an error handler can fetch the result later
            DuneProducer.setExecution(exchange.getMessage(), execution);
            String id = execution.executionId();
            return endpoint.waiter().await(operation, id, queryId, policy)
                    .exceptionallyCompose(error -> cancelOnTimeout(error, id, config))
                    .thenCompose(status -> {
                        exchange.getMessage().setHeader(DuneConstants.STATE, status.state().value());
                        DuneExecutionException outcome = DuneExecutionException.forState(operation, queryId, id,
                                status.state(), status.error(), config.isAllowPartialResults());
                        if (outcome != null) {
                            throw outcome;
                        }
                        return reader().read(exchange.getMessage(), operation, ResultsTarget.execution(id),
                                options.withAllowPartialResults(config.isAllowPartialResults()), type,
                                config.isFetchAll());
                    });
        });
    }

    private CompletableFuture<ExecutionStatus> cancelOnTimeout(Throwable error, String executionId,
            DuneConfiguration config) {
        Throwable cause = DuneClient.cause(error);
        if (!(cause instanceof DuneTimeoutException timeout) || !config.isCancelOnTimeout()) {
            return CompletableFuture.failedFuture(cause);
        }
        return endpoint.client().cancel(executionId).handle((cancelled, cancelError) -> {
            DuneApiException.Failure f = timeout.getFailure();
            DuneTimeoutException after = new DuneTimeoutException(f, timeout.getWaited(),
                    Boolean.TRUE.equals(cancelled));
            if (cancelError != null) {
                after.addSuppressed(cancelError);
            }
            throw after;
        });
    }
}
