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
final class LatestResultsHandler implements OperationHandler, LatestResultsPoller {

    private final ExecutionFlow flow;

    LatestResultsHandler(ExecutionFlow flow) {
        this.flow = flow;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange) {
        Message in = exchange.getMessage();
        long queryId = MessageInput.queryId(in, flow.config);
        Map<String, Object> parameters = MessageInput.queryParameters(in, flow.config);
        ResultOptions options = MessageInput.resultOptions(in, flow.config);
        ResultsTarget latest = ResultsTarget.latest(queryId, parameters);
        if (flow.config.getMaxAge() <= 0) {
            return flow.reader.read(
                    in, flow.operation(), latest, options, flow.config.getOutputType(), flow.config.isFetchAll());
        }
        String performance = MessageInput.performance(in, flow.config);
        Instant oldest = Instant.now().minusMillis(flow.config.getMaxAge());
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
                        : flow.awaitAndRead(
                                in,
                                flow.executeQuery(queryId, parameters, performance),
                                queryId,
                                options,
                                flow.config.getOutputType()));
    }

    @Override
    public CompletableFuture<String> latestExecutionId(Message in) {
        return probe(ResultsTarget.latest(
                        MessageInput.queryId(in, flow.config), MessageInput.queryParameters(in, flow.config)))
                .thenApply(ResultPage::executionId);
    }

    @Override
    public CompletableFuture<Void> readExecution(Message in, String executionId) {
        return flow.reader.read(
                in,
                flow.operation(),
                ResultsTarget.execution(executionId),
                MessageInput.resultOptions(in, flow.config),
                flow.config.getOutputType(),
                flow.config.isFetchAll());
    }

    private CompletableFuture<ResultPage> probe(ResultsTarget latest) {
        return flow.context.client().results(latest, ResultOptions.DEFAULT.withLimit(1));
    }
}
