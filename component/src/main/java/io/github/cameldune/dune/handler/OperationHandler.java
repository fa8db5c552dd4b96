package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConfiguration;
import io.github.cameldune.dune.OutputType;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.credits.CreditGuard;
import io.github.cameldune.dune.waiting.ExecutionWaiter;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;

/**
 * What one {@code dune:} operation does with an exchange: reads its input, makes the Dune calls, and writes the answer
 * to the message. Chosen once per endpoint; never blocks; input it cannot use fails before any request is sent.
 */
@FunctionalInterface
public interface OperationHandler {

    /**
     * Starts the work for one exchange.
     *
     * @return completes when the message holds the answer, or exceptionally with a
     *         {@link io.github.cameldune.dune.exception.DuneException}
     * @throws io.github.cameldune.dune.exception.DuneInvalidInputException before any request, for unusable input
     */
    CompletableFuture<?> handle(Exchange exchange);

    /**
     * The handler of an endpoint's operation, over its started client, credit guard and waiter.
     *
     * @param workers where work that may block (a journal's writes) runs, never on HttpClient's I/O threads
     */
    static OperationHandler of(
            DuneConfiguration config,
            DuneClient client,
            CreditGuard credits,
            ExecutionWaiter waiter,
            java.util.concurrent.Executor workers) {
        Calls calls = new Calls(config, client, credits, waiter, workers);
        return switch (config.getOperation()) {
            case execute -> SingleCallHandlers.execute(calls);
            case executeSql -> SingleCallHandlers.executeSql(calls);
            case status -> SingleCallHandlers.status(calls);
            case results -> new ResultsHandler(calls, config.getOutputType());
            case resultsCsv -> new ResultsHandler(calls, OutputType.csv);
            case latestResults -> new LatestResultsHandler(calls);
            case cancel -> SingleCallHandlers.cancel(calls);
            case run -> new RunHandler(calls);
            case usage -> SingleCallHandlers.usage(calls);
            case createTable -> UploadHandlers.createTable(calls);
            case uploadCsv -> UploadHandlers.uploadCsv(calls);
            case insert -> UploadHandlers.insert(calls);
            case clearTable -> UploadHandlers.clearTable(calls);
            case deleteTable -> UploadHandlers.deleteTable(calls);
            case listTables -> UploadHandlers.listTables(calls);
            case createQuery -> QueryHandlers.createQuery(calls);
            case getQuery -> QueryHandlers.getQuery(calls);
            case updateQuery -> QueryHandlers.updateQuery(calls);
            case archiveQuery -> QueryHandlers.state(calls, DuneCall.ARCHIVE_QUERY);
            case unarchiveQuery -> QueryHandlers.state(calls, DuneCall.UNARCHIVE_QUERY);
            case makePrivate -> QueryHandlers.state(calls, DuneCall.MAKE_PRIVATE);
            case makePublic -> QueryHandlers.state(calls, DuneCall.MAKE_PUBLIC);
        };
    }
}
