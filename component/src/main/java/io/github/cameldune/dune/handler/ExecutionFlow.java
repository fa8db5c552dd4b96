package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConfiguration;
import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.OutputType;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneExecutionException;
import io.github.cameldune.dune.exception.DuneShutdownException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.exception.DuneUncertainExecutionException;
import io.github.cameldune.dune.journal.ExecutionJournal;
import io.github.cameldune.dune.journal.JournalEntry;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.waiting.ExecutionWaiter;
import io.github.cameldune.dune.waiting.WaitObserver;
import io.github.cameldune.dune.waiting.WaitPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution flow several operations are made of: an execution started (its expected cost reserved, and with a
 * journal, its request key looked up first and its execution id recorded after) or given, waited for without holding a
 * thread, and its results read onto the message.
 */
final class ExecutionFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionFlow.class);

    /** How long cancelOnTimeout's cancel may add to a wait that timed out. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    final EndpointContext context;
    final DuneConfiguration config;
    final ResultsReader reader;
    private final DuneClient client;
    private final ExecutionWaiter waiter;
    private final WaitPolicy waitPolicy;
    private final ExecutionJournal journal;

    ExecutionFlow(EndpointContext context, ExecutionWaiter waiter) {
        this.context = context;
        this.config = context.config();
        this.client = context.client();
        this.waiter = waiter;
        this.journal =
                config.getJournal() == null ? null : new ExecutionJournal(config.getJournal(), Clock.systemUTC());
        this.reader = new ResultsReader(client, Duration.ofMillis(config.getResponseTimeout()));
        this.waitPolicy = new WaitPolicy(
                Duration.ofMillis(config.getPollInitialDelay()),
                Duration.ofMillis(config.getPollInterval()),
                Duration.ofMillis(config.getMaxPollInterval()),
                Duration.ofMillis(config.getWaitTimeout()),
                config.getLongWaitThreshold() == 0 ? null : Duration.ofMillis(config.getLongWaitThreshold()));
    }

    /** An execute of a saved query, its expected cost reserved first (refused, sending nothing, past a budget). */
    CompletableFuture<DuneExecution> executeQuery(long queryId, Map<String, Object> parameters, String performance) {
        return context.credits()
                .execution(
                        DuneCall.EXECUTE_QUERY,
                        queryId,
                        null,
                        performance,
                        () -> client.executeQuery(queryId, parameters, performance),
                        DuneExecution::executionId);
    }

    /** An execute of raw SQL, its expected cost reserved first. */
    CompletableFuture<DuneExecution> executeSql(String sql, String performance) {
        return context.credits()
                .execution(
                        DuneCall.EXECUTE_SQL,
                        null,
                        sql,
                        performance,
                        () -> client.executeSql(sql, performance),
                        DuneExecution::executionId);
    }

    /** The name of the endpoint's operation, for errors. */
    String operation() {
        return context.operation();
    }

    /**
     * Starts the execution of a message: sends the execute, or, with a journal, first looks the message's request key
     * up. An execution recorded for it is answered instead (its state read, for free); a key recorded without one
     * fails with {@link DuneUncertainExecutionException} unless executeUncertain is set; otherwise the key is recorded,
     * the execute sent, and its execution id recorded once Dune answers. Input is read before this is called, so bad
     * input records nothing.
     */
    CompletableFuture<DuneExecution> start(
            Message message, Long queryId, Supplier<CompletableFuture<DuneExecution>> execute) {
        if (journal == null) {
            return execute.get();
        }
        String key = MessageInput.requestKey(message, config);
        message.setHeader(DuneConstants.REQUEST_KEY, key);
        JournalEntry entry = journal.lookup(key);
        if (entry instanceof JournalEntry.Executed recorded) {
            message.setHeader(DuneConstants.RESUMED, true);
            String id = recorded.executionId();
            return client.status(id).thenApply(status -> new DuneExecution(id, status.state()));
        }
        if (entry instanceof JournalEntry.Pending pending) {
            if (!config.isExecuteUncertain()) {
                throw new DuneUncertainExecutionException(operation(), queryId, key, pending.recordedAt());
            }
            LOG.warn(
                    "Executing request key '{}' again (executeUncertain=true): an earlier attempt recorded it at {} "
                            + "and may have executed it",
                    key,
                    pending.recordedAt());
        }
        message.setHeader(DuneConstants.RESUMED, false);
        journal.pending(key);
        CompletableFuture<DuneExecution> started;
        try {
            started = execute.get();
        } catch (RuntimeException refused) {
            forget(key, refused);
            throw refused;
        }
        // the repository may block (a Kafka send): never on HttpClient's I/O threads
        return started.handleAsync(
                (execution, error) -> {
                    if (error != null) {
                        Throwable cause = Futures.cause(error);
                        forget(key, cause);
                        throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                    }
                    try {
                        journal.executed(key, execution.executionId());
                    } catch (RuntimeException e) {
                        // the execution goes on; a redelivery of this message finds its key uncertain, and does not
                        // execute again
                        LOG.warn(
                                "Execution {} of request key '{}' could not be recorded in the journal: {}",
                                execution.executionId(),
                                key,
                                e.getMessage());
                    }
                    return execution;
                },
                context::onWorker);
    }

    /** After a failed execute: a key whose execute certainly did nothing may be executed again. */
    private void forget(String key, Throwable error) {
        if (error instanceof DuneException known && known.isNothingDone()) {
            try {
                journal.refused(key);
            } catch (RuntimeException e) {
                LOG.warn("Request key '{}' stays uncertain in the journal: {}", key, e.getMessage());
            }
        }
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
        return started.thenCompose(execution -> awaitEnd(message, execution, queryId)
                .thenCompose(status -> read(message, status.executionId(), options, type))
                .exceptionally(error -> {
                    throw naming(message, Futures.cause(error), queryId, execution);
                }));
    }

    /**
     * Puts the execution's id and state on the message, waits for it to end (cancelling it on a timeout when asked),
     * and completes with its last status once its result can be read; otherwise fails typed, the execution named.
     *
     * @param queryId the saved query, whose past run times time the polls; null when not known
     */
    CompletableFuture<ExecutionStatus> awaitEnd(Message message, DuneExecution execution, Long queryId) {
        String id = execution.executionId();
        // known from now on, so an error handler can fetch the result later
        OutputHeaders.executionId(message, id);
        OutputHeaders.state(message, execution.state());
        WaitObserver observer = message.getExchange().getProperty(WaitObserver.PROPERTY, WaitObserver.class);
        return waiter.await(operation(), id, queryId, waitPolicy, observer)
                .exceptionallyCompose(error -> cancelOnTimeout(error, id))
                .thenApply(status -> ended(message, status, queryId))
                .exceptionally(error -> {
                    throw naming(message, Futures.cause(error), queryId, execution);
                });
    }

    /** The endpoint's wait policy (poll delays, timeout). */
    WaitPolicy waitPolicy() {
        return waitPolicy;
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

    /** An ended execution's state and cost on the message; fails typed unless its result can be read. */
    private ExecutionStatus ended(Message message, ExecutionStatus status, Long queryId) {
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
        return status;
    }

    /** Reads an ended execution's results onto the message in the given form. */
    CompletableFuture<Void> read(Message message, String executionId, ResultOptions options, OutputType type) {
        return reader.read(
                message,
                operation(),
                ResultsTarget.execution(executionId),
                options.withAllowPartialResults(config.isAllowPartialResults()),
                type,
                config.isFetchAll());
    }

    /** After a timeout of the wait for an execution: a cancel when cancelOnTimeout asks for it. */
    CompletableFuture<ExecutionStatus> cancelOnTimeout(Throwable error, String executionId) {
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
