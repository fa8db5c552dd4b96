package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConfiguration;
import io.github.cameldune.dune.OutputType;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneExecutionException;
import io.github.cameldune.dune.exception.DuneShutdownException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.waiting.ExecutionWaiter;
import io.github.cameldune.dune.waiting.WaitPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Message;

/**
 * What the handlers of one endpoint share: its options, its client and waiter, and the sequence several operations
 * are made of (an execution started or given, waited for, its results read).
 */
final class Calls {

    /** How long cancelOnTimeout's cancel may add to a wait that timed out. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    final DuneConfiguration config;
    final DuneClient client;
    final ResultsReader reader;
    private final ExecutionWaiter waiter;
    private final WaitPolicy waitPolicy;

    Calls(DuneConfiguration config, DuneClient client, ExecutionWaiter waiter) {
        this.config = config;
        this.client = client;
        this.waiter = waiter;
        this.reader = new ResultsReader(client, Duration.ofMillis(config.getResponseTimeout()));
        this.waitPolicy = new WaitPolicy(
                Duration.ofMillis(config.getPollInitialDelay()),
                Duration.ofMillis(config.getPollInterval()),
                Duration.ofMillis(config.getMaxPollInterval()),
                Duration.ofMillis(config.getWaitTimeout()),
                config.getLongWaitThreshold() == 0 ? null : Duration.ofMillis(config.getLongWaitThreshold()));
    }

    /** The name of the endpoint's operation, for errors. */
    String operation() {
        return config.getOperation().name();
    }

    /**
     * Once the execution is known, puts its id and state on the message, waits for it to end, fails unless its result
     * can be read, and reads it in the given form.
     *
     * @param queryId the saved query just executed, whose past run times time the polls; null when not known
     */
    CompletableFuture<Void> awaitAndRead(
            Message message,
            CompletableFuture<DuneExecution> started,
            Long queryId,
            ResultOptions options,
            OutputType type) {
        return started.thenCompose(execution -> {
            String id = execution.executionId();
            // known from now on, so an error handler can fetch the result later
            OutputHeaders.executionId(message, id);
            OutputHeaders.state(message, execution.state());
            return waiter.await(operation(), id, queryId, waitPolicy)
                    .exceptionallyCompose(error -> cancelOnTimeout(error, id))
                    .thenCompose(status -> read(message, status, queryId, options, type))
                    .exceptionally(error -> {
                        throw naming(message, Futures.cause(error), queryId, execution);
                    });
        });
    }

    /**
     * Once Dune has given an execution id, every failure carries it, and the message its last state: a failure that
     * does not name the execution (a stopping scheduler, say) is wrapped in one that does.
     */
    private RuntimeException naming(Message message, Throwable cause, Long queryId, DuneExecution execution) {
        if (cause instanceof DuneExecutionException outcome) {
            OutputHeaders.state(message, outcome.getState());
            return outcome;
        }
        if (cause instanceof DuneException known && execution.executionId().equals(known.getExecutionId())) {
            return known;
        }
        return new DuneExecutionException(
                operation(),
                queryId,
                execution.executionId(),
                execution.state(),
                " could not be followed to its end: " + cause,
                cause);
    }

    private CompletableFuture<Void> read(
            Message message, ExecutionStatus status, Long queryId, ResultOptions options, OutputType type) {
        OutputHeaders.state(message, status.state());
        OutputHeaders.cost(message, status);
        DuneExecutionException outcome = DuneExecutionException.forState(
                operation(),
                queryId,
                status.executionId(),
                status.state(),
                status.error(),
                config.isAllowPartialResults());
        if (outcome != null) {
            throw outcome;
        }
        return reader.read(
                message,
                operation(),
                ResultsTarget.execution(status.executionId()),
                options.withAllowPartialResults(config.isAllowPartialResults()),
                type,
                config.isFetchAll());
    }

    private CompletableFuture<ExecutionStatus> cancelOnTimeout(Throwable error, String executionId) {
        Throwable cause = Futures.cause(error);
        if (!config.isCancelOnTimeout()) {
            return CompletableFuture.failedFuture(cause);
        }
        if (cause instanceof DuneShutdownException stopped) {
            // best effort: the component waits a moment for these before it closes its connections
            return cancelOnce(executionId).handle((cancelled, cancelError) -> {
                throw stopped;
            });
        }
        if (!(cause instanceof DuneTimeoutException timeout)) {
            return CompletableFuture.failedFuture(cause);
        }
        return cancelOnce(executionId).handle((cancelled, cancelError) -> {
            DuneTimeoutException after = timeout.afterCancel(Boolean.TRUE.equals(cancelled));
            if (cancelError != null) {
                after.addSuppressed(cancelError);
            }
            throw after;
        });
    }

    /** One cancel attempt, bounded: it must not stretch the wait by more than its grace. */
    private CompletableFuture<Boolean> cancelOnce(String executionId) {
        return client.withoutRetries().cancel(executionId).orTimeout(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
