package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.OutputType;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.client.ResultsTarget;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneExecutionException;
import io.github.cameldune.dune.model.ResultPage;
import io.github.cameldune.dune.reading.ReadPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/**
 * Puts results on a message in the asked {@link OutputType}: one page or every page of rows, a lazy row iterator, one
 * page's JSON, or a CSV stream. The first page is always read before the exchange goes on, so that failures and the
 * result's metadata reach the message; later pages of {@code stream} and {@code csv} are read as the route consumes
 * them, one page in memory at a time.
 */
final class ResultsReader {

    private final DuneClient client;
    private final Duration pageTimeout;

    ResultsReader(DuneClient client, Duration pageTimeout) {
        this.client = client;
        this.pageTimeout = pageTimeout;
    }

    /**
     * Reads the results of a target into the message body and headers.
     *
     * @param operation the operation to name when the execution has no readable result
     */
    CompletableFuture<Void> read(
            Message message,
            String operation,
            ResultsTarget target,
            ResultOptions options,
            OutputType type,
            boolean fetchAll) {
        return switch (type) {
            case rows ->
                client.results(target, options)
                        .thenCompose(first -> {
                            readable(operation, first, options);
                            ReadPath.inColumnOrder(first);
                            return fetchAll
                                    ? rest(first, new ArrayList<>(first.rows()), options)
                                    : CompletableFuture.completedFuture(first);
                        })
                        .thenAccept(last -> {
                            // with fetchAll, 'last' carries every row collected and the metadata of the last page
                            OutputHeaders.page(message, last, last.rows().size(), !fetchAll);
                            message.setBody(last.rows());
                        });
            case stream ->
                client.streamedResults(target, options).thenAccept(first -> {
                    readable(operation, first, options);
                    OutputHeaders.page(message, first, first.rows().size(), false);
                    message.setBody(new PagedRows(first, page -> client.nextPage(page, options), pageTimeout));
                });
            case json ->
                client.resultsJson(target, options).thenAccept(text -> {
                    ResultPage page = parse(target, text);
                    readable(operation, page, options);
                    OutputHeaders.page(message, page, page.rows().size(), true);
                    message.setBody(text);
                });
            case csv ->
                client.resultsCsv(target, options).thenAccept(first -> {
                    if (target.executionId() != null) {
                        OutputHeaders.executionId(message, target.executionId());
                    }
                    message.setBody(new PagedCsv(first, client::nextCsvPage, pageTimeout));
                });
        };
    }

    /** Reads the pages after {@code page}, adding their rows; the result is a page holding every row. */
    private CompletableFuture<ResultPage> rest(ResultPage page, List<Map<String, Object>> rows, ResultOptions options) {
        if (!page.hasNextPage()) {
            return CompletableFuture.completedFuture(page.withRows(rows));
        }
        return client.nextPage(page, options).thenCompose(next -> {
            PagedRows.checkProgress(page, next, rows.size() + (long) next.rows().size());
            rows.addAll(ReadPath.inColumnOrder(next).rows());
            return rest(next, rows, options);
        });
    }

    /** Fails unless the page belongs to a result that can be read. */
    private static void readable(String operation, ResultPage page, ResultOptions options) {
        DuneExecutionException e = DuneExecutionException.forState(
                operation,
                page.queryId(),
                page.executionId(),
                page.state(),
                page.error(),
                options.allowPartialResults());
        if (e != null) {
            throw e;
        }
    }

    private static ResultPage parse(ResultsTarget target, String text) {
        try {
            return Json.MAPPER.readValue(text, ResultPage.class);
        } catch (Exception e) {
            DuneCall call = target.executionId() != null ? DuneCall.RESULTS : DuneCall.LATEST_RESULTS;
            throw new DuneApiException(
                    new DuneApiException.Failure(
                            call,
                            target.queryId(),
                            target.executionId(),
                            200,
                            "unreadable answer: " + e.getClass().getSimpleName(),
                            null),
                    e);
        }
    }
}
