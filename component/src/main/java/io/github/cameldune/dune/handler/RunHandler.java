package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.model.DuneExecution;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code dune:run} (and each poll of {@code from("dune:run")}): executes a saved query, or SQL when there is some,
 * waits without holding a thread, and reads the result. It never executes a second time; with a journal, a redelivered
 * message waits for the execution recorded for its request key and reads its rows.
 */
final class RunHandler implements OperationHandler {

    private final ExecutionFlow flow;

    RunHandler(ExecutionFlow flow) {
        this.flow = flow;
    }

    @Override
    public CompletableFuture<Void> handle(Exchange exchange) {
        return run(exchange, true);
    }

    /** One poll of {@code from("dune:run")}: the same, outside the journal (see {@link RunPoller}). */
    CompletableFuture<Void> poll(Exchange exchange) {
        return run(exchange, false);
    }

    private CompletableFuture<Void> run(Exchange exchange, boolean journalled) {
        Message in = exchange.getMessage();
        String sql = MessageInput.sql(in, flow.config, false);
        ResultOptions options = MessageInput.resultOptions(in, flow.config);
        String performance = MessageInput.performance(in, flow.config);
        if (sql != null) {
            return flow.awaitAndRead(
                    in,
                    start(journalled, in, null, () -> flow.executeSql(sql, performance)),
                    0L,
                    options,
                    flow.config.getOutputType());
        }
        long queryId = MessageInput.queryId(in, flow.config);
        Map<String, Object> parameters = MessageInput.queryParameters(in, flow.config);
        return flow.awaitAndRead(
                in,
                start(journalled, in, queryId, () -> flow.executeQuery(queryId, parameters, performance)),
                queryId,
                options,
                flow.config.getOutputType());
    }

    private CompletableFuture<DuneExecution> start(
            boolean journalled, Message in, Long queryId, Supplier<CompletableFuture<DuneExecution>> execute) {
        return journalled ? flow.start(in, queryId, execute) : execute.get();
    }
}
