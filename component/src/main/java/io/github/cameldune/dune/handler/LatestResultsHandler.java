package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.model.ResultPage;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code dune:latestResults}: the latest result of a saved query without executing it; with {@code maxAge}, a fresh
 * execution when the latest is older or missing. The age is read from one row of the latest result, then the rows
 * from that execution. The {@code from("dune:latestResults")} consumer uses its two steps apart.
 */
public final class LatestResultsHandler implements OperationHandler {

    private final Calls calls;

    LatestResultsHandler(Calls calls) {
        this.calls = calls;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange) {
        Message in = exchange.getMessage();
        long queryId = MessageInput.queryId(in, calls.config);
        Map<String, Object> parameters = MessageInput.queryParameters(in, calls.config);
        ResultOptions options = MessageInput.resultOptions(in, calls.config);
        ResultsTarget latest = ResultsTarget.latest(queryId, parameters);
        if (calls.config.getMaxAge() <= 0) {
            return calls.reader.read(
                    in, calls.operation(), latest, options, calls.config.getOutputType(), calls.config.isFetchAll());
        }
        String performance = MessageInput.performance(in, calls.config);
        Instant oldest = Instant.now().minusMillis(calls.config.getMaxAge());
        return probe(latest)
                .handle((probe, error) -> {
                    Throwable cause = Futures.cause(error);
                    if (cause instanceof DuneNotFoundException notFound
                            && notFound.getDuneError() != null
                            && notFound.getDuneError().contains("No execution found")) {
                        return null;
                    }
                    if (cause != null) {
                        throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                    }
                    Instant endedAt = probe.times().executionEndedAt();
                    return endedAt != null && endedAt.isAfter(oldest) ? probe.executionId() : null;
                })
                .thenCompose(freshEnough -> freshEnough != null
                        ? readExecution(in, freshEnough)
                        : calls.awaitAndRead(
                                in,
                                calls.executeQuery(queryId, parameters, performance),
                                queryId,
                                options,
                                calls.config.getOutputType()));
    }

    /** The execution the query's latest result comes from (one row of it is read). */
    public CompletableFuture<String> latestExecutionId(Message in) {
        return probe(ResultsTarget.latest(
                        MessageInput.queryId(in, calls.config), MessageInput.queryParameters(in, calls.config)))
                .thenApply(ResultPage::executionId);
    }

    /** Reads one execution's result onto the message, as the endpoint's options say. */
    public CompletableFuture<Void> readExecution(Message in, String executionId) {
        return calls.reader.read(
                in,
                calls.operation(),
                ResultsTarget.execution(executionId),
                MessageInput.resultOptions(in, calls.config),
                calls.config.getOutputType(),
                calls.config.isFetchAll());
    }

    private CompletableFuture<ResultPage> probe(ResultsTarget latest) {
        return calls.client.results(latest, ResultOptions.DEFAULT.withLimit(1));
    }
}
