package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.OutputType;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.model.DuneExecution;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code dune:results} and {@code dune:resultsCsv}: an execution's results in the endpoint's output type; with
 * {@code waitForCompletion}, once the execution has finished.
 */
final class ResultsHandler implements OperationHandler {

    private final Calls calls;
    private final OutputType type;

    ResultsHandler(Calls calls, OutputType type) {
        this.calls = calls;
        this.type = type;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String executionId = MessageInput.executionId(in, calls.config);
        ResultOptions options = MessageInput.resultOptions(in, calls.config);
        if (!calls.config.isWaitForCompletion()) {
            return calls.reader.read(
                    in,
                    calls.operation(),
                    ResultsTarget.execution(executionId),
                    options,
                    type,
                    calls.config.isFetchAll());
        }
        // no state yet: the first status poll tells it
        return calls.awaitAndRead(
                in, CompletableFuture.completedFuture(new DuneExecution(executionId, null)), null, options, type);
    }
}
