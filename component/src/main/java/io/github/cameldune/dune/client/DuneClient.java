package io.github.cameldune.dune.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ResultPage;
import io.github.cameldune.dune.model.Usage;
import io.github.cameldune.dune.reading.ReadPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * The Dune API v1, one asynchronous method per endpoint. It knows nothing of Camel: it turns arguments into requests
 * ({@link DuneUrls}), sends them ({@link Sender}), and turns answers into {@code model} objects and every failure into
 * a {@link DuneApiException}. Futures complete on HttpClient's I/O threads; callers must not block them.
 */
public final class DuneClient {

    /** The header Dune reads the key from. */
    public static final String API_KEY_HEADER = "X-Dune-Api-Key";

    private final DuneUrls urls;
    private final Sender sender;
    private final ClientServices services;

    /**
     * A client of one Dune API base URL that retries as its policy says and keeps to the component's limits, every
     * wait scheduled (no thread held).
     *
     * @param baseUrl         e.g. {@code https://api.dune.com/api}
     * @param responseTimeout how long to wait for each whole answer
     * @param maxAnswerSize   the largest answer body kept, in bytes; a larger one fails the request
     * @param services          the scheduler, rate limiter, work in flight, request gate, cost report and figures of
     *                        the component
     */
    public DuneClient(
            HttpTransport transport,
            String baseUrl,
            String apiKey,
            ApiKeyLocation apiKeyLocation,
            Duration responseTimeout,
            long maxAnswerSize,
            RetryPolicy retries,
            ClientServices services) {
        this(
                new DuneUrls(baseUrl, apiKey, apiKeyLocation),
                new Sender(
                        transport,
                        apiKey,
                        apiKeyLocation,
                        responseTimeout,
                        maxAnswerSize,
                        retries,
                        services,
                        new BaseUrlHint(baseUrl)),
                services);
    }

    private DuneClient(DuneUrls urls, Sender sender, ClientServices services) {
        this.urls = urls;
        this.sender = sender;
        this.services = services;
    }

    /**
     * The same client, sending each request once: for a caller that repeats a request anyway, as the waiter's polling
     * does, so that a status poll is retried in one layer only.
     */
    public DuneClient withoutRetries() {
        return new DuneClient(urls, sender.withoutRetries(), services);
    }

    /** The query management endpoints, over the same sender and limits. */
    public DuneQueries queries() {
        return new DuneQueries(urls, sender);
    }

    /** The materialized views endpoints, over the same sender and limits. */
    public DuneMaterializedViews materializedViews() {
        return new DuneMaterializedViews(urls, sender);
    }

    /** The pipelines endpoints, over the same sender and limits. */
    public DunePipelines pipelines() {
        return new DunePipelines(urls, sender, services.costs());
    }

    /** The dataset discovery endpoints, over the same sender and limits. */
    public DuneDatasets datasets() {
        return new DuneDatasets(urls, sender);
    }

    /** The uploads endpoints, over the same sender and limits. */
    public DuneUploads uploads() {
        return new DuneUploads(urls, sender, services.costs());
    }

    /**
     * {@code POST /v1/query/{queryId}/execute}: starts an execution of a saved query. Costs credits.
     *
     * @param parameters  values by name (see {@link QueryParameters}); empty sends none
     * @param performance {@code small}, {@code medium} or {@code large}, or null to send no tier (Dune's default)
     */
    public CompletableFuture<DuneExecution> executeQuery(long queryId, Map<String, ?> parameters, String performance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query_parameters", QueryParameters.toJson(parameters));
        return execute(
                DuneCall.EXECUTE_QUERY,
                queryId,
                List.of("v1", "query", String.valueOf(queryId), "execute"),
                body,
                performance);
    }

    /** {@code POST /v1/sql/execute}: starts an execution of raw SQL (reported with query id 0). Costs credits. */
    public CompletableFuture<DuneExecution> executeSql(String sql, String performance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sql", sql);
        return execute(DuneCall.EXECUTE_SQL, null, List.of("v1", "sql", "execute"), body, performance);
    }

    private CompletableFuture<DuneExecution> execute(
            DuneCall call, Long queryId, List<String> path, Map<String, Object> body, String performance) {
        if (performance != null) {
            body.put("performance", performance);
        }
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(path, List.of()))
                .setBody(Json.write(body), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(call, queryId, null, http), answer -> {
            DuneExecution execution = answer.read(DuneExecution.class);
            answer.require(execution.executionId() != null && execution.state() != null, "execution_id or state");
            services.metrics().executionStarted(queryId == null ? 0L : queryId);
            return execution;
        });
    }

    /** {@code GET /v1/execution/{id}/status}: free. */
    public CompletableFuture<ExecutionStatus> status(String executionId) {
        SimpleHttpRequest http = SimpleRequestBuilder.get(urls.url(executionPath(executionId, "status"), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.STATUS, null, executionId, http), answer -> {
            ExecutionStatus status = answer.read(ExecutionStatus.class);
            answer.require(status.state() != null, "state");
            services.costs().status(status);
            return status;
        });
    }

    /** {@code POST /v1/execution/{id}/cancel}: true when Dune cancelled it. */
    public CompletableFuture<Boolean> cancel(String executionId) {
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(executionPath(executionId, "cancel"), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.CANCEL, null, executionId, http), answer -> {
            JsonNode success = answer.read(JsonNode.class).get("success");
            answer.require(success != null && success.isBoolean(), "success");
            return success.asBoolean();
        });
    }

    /**
     * {@code POST /v1/usage}: the account's billing periods with the credits used and included. Free.
     *
     * @param startDate the first day, or null for the current billing period
     * @param endDate   the last day, or null
     */
    public CompletableFuture<Usage> usage(LocalDate startDate, LocalDate endDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (startDate != null) {
            body.put("start_date", startDate.toString());
        }
        if (endDate != null) {
            body.put("end_date", endDate.toString());
        }
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(List.of("v1", "usage"), List.of()))
                .setBody(Json.write(body), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(DuneCall.USAGE, null, null, http), answer -> answer.read(Usage.class));
    }

    /** One page of results as {@link ResultPage}, rows as Dune sent them (in column order through {@link ReadPath#inColumnOrder(ResultPage)}). */
    public CompletableFuture<ResultPage> results(ResultsTarget target, ResultOptions options) {
        return resultsPage(target, resultsUrl(target, options, false), false);
    }

    /**
     * One page of results whose rows are checked and counted now and read as they are taken
     * ({@link ReadPath#isStreamed(ResultPage)}), as are the pages {@link #nextPage} reads after it.
     */
    public CompletableFuture<ResultPage> streamedResults(ResultsTarget target, ResultOptions options) {
        return resultsPage(target, resultsUrl(target, options, false), true);
    }

    /** One page of results, the answer's JSON text as received. */
    public CompletableFuture<String> resultsJson(ResultsTarget target, ResultOptions options) {
        return sender.send(request(target, false, resultsUrl(target, options, false)), answer -> {
            answer.read(JsonNode.class);
            return answer.body().text(Integer.MAX_VALUE);
        });
    }

    /**
     * The page after {@code previous}: Dune's {@code next_uri} when it points at this API, else the execution's
     * results at {@code next_offset}; the key is never sent anywhere else.
     */
    public CompletableFuture<ResultPage> nextPage(ResultPage previous, ResultOptions options) {
        ResultsTarget target = ResultsTarget.execution(previous.executionId());
        if (urls.isSameApi(previous.nextUri())) {
            return resultsPage(target, urls.withKey(previous.nextUri()), ReadPath.isStreamed(previous));
        }
        if (previous.nextOffset() == null) {
            return nowhereToGo(DuneCall.RESULTS, target);
        }
        return resultsPage(
                target,
                resultsUrl(target, options.withOffset(previous.nextOffset()), false),
                ReadPath.isStreamed(previous));
    }

    /** One page of results as CSV. */
    public CompletableFuture<CsvPage> resultsCsv(ResultsTarget target, ResultOptions options) {
        return csvPage(target, options, resultsUrl(target, options, true));
    }

    /** The CSV page after {@code previous} (see {@link #nextPage}). */
    public CompletableFuture<CsvPage> nextCsvPage(CsvPage previous) {
        ResultsTarget target = previous.target();
        ResultOptions next = previous.nextOffset() == null
                ? previous.options()
                : previous.options().withOffset(previous.nextOffset());
        if (urls.isSameApi(previous.nextUri())) {
            return csvPage(target, next, urls.withKey(previous.nextUri()));
        }
        if (previous.nextOffset() == null) {
            return nowhereToGo(DuneCall.RESULTS_CSV, target);
        }
        return csvPage(target, next, resultsUrl(target, next, true));
    }

    /** A next page that is only at a URL outside this API: the key is not sent there, and the result ends typed. */
    private static <T> CompletableFuture<T> nowhereToGo(DuneCall call, ResultsTarget target) {
        return CompletableFuture.failedFuture(new DuneApiException(
                new DuneApiException.Failure(
                        call,
                        target.queryId(),
                        target.executionId(),
                        200,
                        "the next page is at a URL outside the API and there is no next offset to read it here",
                        null),
                null));
    }

    private CompletableFuture<ResultPage> resultsPage(ResultsTarget target, String url, boolean streamed) {
        return sender.send(request(target, false, url), answer -> {
            ResultPage page = streamed ? answer.readStreamed() : answer.read(ResultPage.class);
            answer.require(page.state() != null, "state");
            services.metrics().resultRows(page.rows().size());
            return page;
        });
    }

    private CompletableFuture<CsvPage> csvPage(ResultsTarget target, ResultOptions options, String url) {
        return sender.send(request(target, true, url), answer -> {
            String nextOffset = answer.header("x-dune-next-offset");
            Long offset = null;
            if (nextOffset != null) {
                try {
                    offset = Long.parseLong(nextOffset.trim());
                } catch (NumberFormatException e) {
                    throw answer.unreadable("unreadable x-dune-next-offset header", e);
                }
            }
            return new CsvPage(answer.body(), answer.header("x-dune-next-uri"), offset, target, options);
        });
    }

    private static ApiRequest request(ResultsTarget target, boolean csv, String url) {
        return new ApiRequest(
                target.call(csv),
                target.queryId(),
                target.executionId(),
                SimpleRequestBuilder.get(url).build());
    }

    private String resultsUrl(ResultsTarget target, ResultOptions options, boolean csv) {
        List<Map.Entry<String, String>> query = new ArrayList<>(options.toQuery());
        query.addAll(target.parameterQuery());
        return urls.url(target.path(csv), query);
    }

    private static List<String> executionPath(String executionId, String action) {
        return List.of("v1", "execution", executionId, action);
    }
}
