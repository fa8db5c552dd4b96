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

    private final ExecutionFlow flow;
    private final OutputType type;

    ResultsHandler(ExecutionFlow flow, OutputType type) {
        this.flow = flow;
        this.type = type;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String executionId = MessageInput.executionId(in, flow.config);
        ResultOptions options = MessageInput.resultOptions(in, flow.config);
        if (!flow.config.isWaitForCompletion()) {
            return flow.reader.read(
                    in,
                    flow.operation(),
                    ResultsTarget.execution(executionId),
                    options,
                    type,
                    flow.config.isFetchAll());
        }
        // no state yet: the first status poll tells it
        return flow.awaitAndRead(
                in, CompletableFuture.completedFuture(new DuneExecution(executionId, null)), null, options, type);
    }
}
