package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.ResultOptions;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code dune:run} (and each poll of {@code from("dune:run")}): executes a saved query, or SQL when there is some,
 * waits without holding a thread, and reads the result. It never executes a second time.
 */
public final class RunHandler implements OperationHandler {

    private final Calls calls;

    RunHandler(Calls calls) {
        this.calls = calls;
    }

    @Override
    public CompletableFuture<Void> handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String sql = MessageInput.sql(in, calls.config, false);
        ResultOptions options = MessageInput.resultOptions(in, calls.config);
        String performance = MessageInput.performance(in, calls.config);
        if (sql != null) {
            return calls.awaitAndRead(
                    in, calls.client.executeSql(sql, performance), 0L, options, calls.config.getOutputType());
        }
        long queryId = MessageInput.queryId(in, calls.config);
        return calls.awaitAndRead(
                in,
                calls.client.executeQuery(queryId, MessageInput.queryParameters(in, calls.config), performance),
                queryId,
                options,
                calls.config.getOutputType());
    }
}
