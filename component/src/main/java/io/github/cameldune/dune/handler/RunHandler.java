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
public final class RunHandler implements OperationHandler {

    private final Calls calls;

    RunHandler(Calls calls) {
        this.calls = calls;
    }

    @Override
    public CompletableFuture<Void> handle(Exchange exchange) {
        return run(exchange, true);
    }

    /**
     * One poll of {@code from("dune:run")}: the same, outside the journal (nothing redelivers a poll; replicas share
     * the schedule through leader election).
     */
    public CompletableFuture<Void> poll(Exchange exchange) {
        return run(exchange, false);
    }

    private CompletableFuture<Void> run(Exchange exchange, boolean journalled) {
        Message in = exchange.getMessage();
        String sql = MessageInput.sql(in, calls.config, false);
        ResultOptions options = MessageInput.resultOptions(in, calls.config);
        String performance = MessageInput.performance(in, calls.config);
        if (sql != null) {
            return calls.awaitAndRead(
                    in,
                    start(journalled, in, null, () -> calls.executeSql(sql, performance)),
                    0L,
                    options,
                    calls.config.getOutputType());
        }
        long queryId = MessageInput.queryId(in, calls.config);
        Map<String, Object> parameters = MessageInput.queryParameters(in, calls.config);
        return calls.awaitAndRead(
                in,
                start(journalled, in, queryId, () -> calls.executeQuery(queryId, parameters, performance)),
                queryId,
                options,
                calls.config.getOutputType());
    }

    private CompletableFuture<DuneExecution> start(
            boolean journalled, Message in, Long queryId, Supplier<CompletableFuture<DuneExecution>> execute) {
        return journalled ? calls.start(in, queryId, execute) : execute.get();
    }
}
