package io.github.cameldune.dune.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneConnectionException;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ResultPage;

/**
 * The Dune API v1, one asynchronous method per endpoint. It knows nothing of Camel: it turns arguments into HTTP
 * requests, answers into {@code model} objects, and every failure into a {@link DuneApiException}. Futures complete on
 * HttpClient's I/O threads; callers must not block them.
 */
public final class DuneClient {

    /** The header Dune reads the key from. */
    public static final String API_KEY_HEADER = "X-Dune-Api-Key";

    /** Shared Jackson mapper: ignores fields Dune adds later, reads and writes ISO-8601 timestamps. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private static final Logger LOG = LoggerFactory.getLogger(DuneClient.class);
    private static final int MAX_ERROR_TEXT = 300;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Pattern RATE_LIMIT_RESET = Pattern.compile(";\\s*t\\s*=\\s*(\\d{1,9})");

    /** An answer: its status line and headers, and its body in chunks (empty when there was none). */
    private record Answer(HttpResponse head, ChunkedBody body) {

        int code() {
            return head.getCode();
        }

        Header header(String name) {
            return head.getFirstHeader(name);
        }

        String text() {
            return body.text(MAX_ERROR_BODY);
        }
    }

    private final HttpTransport transport;
    private final String baseUrl;
    private final URI base;
    private final String apiKey;
    private final ApiKeyLocation apiKeyLocation;
    private final RequestConfig requestConfig;
    private final RetryPolicy retries;
    private final ScheduledExecutorService scheduler;
    private final RateLimiter limiter;

    /**
     * A client of one Dune API base URL, without retries.
     *
     * @param baseUrl         e.g. {@code https://api.dune.com/api}
     * @param responseTimeout how long to wait for each answer
     */
    public DuneClient(HttpTransport transport, String baseUrl, String apiKey, ApiKeyLocation apiKeyLocation,
            Duration responseTimeout) {
        this(transport, baseUrl, apiKey, apiKeyLocation, responseTimeout, RetryPolicy.NONE, null, null);
    }

    /**
     * A client of one Dune API base URL that retries as its policy says and keeps to a rate limit, both waiting on the
     * scheduler (no thread held).
     *
     * @param baseUrl         e.g. {@code https://api.dune.com/api}
     * @param responseTimeout how long to wait for each answer
     * @param limiter         the rate limiter shared by the component's endpoints, or null for none
     */
    public DuneClient(HttpTransport transport, String baseUrl, String apiKey, ApiKeyLocation apiKeyLocation,
            Duration responseTimeout, RetryPolicy retries, ScheduledExecutorService scheduler, RateLimiter limiter) {
        this.retries = scheduler == null ? RetryPolicy.NONE : retries;
        this.scheduler = scheduler;
        this.limiter = scheduler == null ? null : limiter;
        this.transport = transport;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(this.baseUrl);
        this.apiKey = apiKey;
        this.apiKeyLocation = apiKeyLocation;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build();
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
        return execute(new Call("execute", queryId, null), "/v1/query/" + queryId + "/execute", body, performance);
    }

    /** {@code POST /v1/sql/execute}: starts an execution of raw SQL (reported with query id 0). Costs credits. */
    public CompletableFuture<DuneExecution> executeSql(String sql, String performance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sql", sql);
        return execute(new Call("executeSql", null, null), "/v1/sql/execute", body, performance);
    }

    private CompletableFuture<DuneExecution> execute(Call call, String path, Map<String, Object> body,
            String performance) {
        if (performance != null) {
            body.put("performance", performance);
        }
        SimpleHttpRequest request = SimpleRequestBuilder.post(url(path, List.of()))
                .setBody(json(body), ContentType.APPLICATION_JSON).build();
        return send(call, request, r -> {
            DuneExecution execution = call.read(r, DuneExecution.class);
            call.require(r, execution.executionId() != null && execution.state() != null, "execution_id or state");
            return execution;
        });
    }

    /** {@code GET /v1/execution/{id}/status}: free. */
    public CompletableFuture<ExecutionStatus> status(String executionId) {
        Call call = new Call("status", null, executionId);
        return send(call, SimpleRequestBuilder.get(url("/v1/execution/" + segment(executionId) + "/status", List.of()))
                .build(), r -> {
                    ExecutionStatus status = call.read(r, ExecutionStatus.class);
                    call.require(r, status.state() != null, "state");
                    return status;
                });
    }

    /** {@code POST /v1/execution/{id}/cancel}: true when Dune cancelled it. */
    public CompletableFuture<Boolean> cancel(String executionId) {
        Call call = new Call("cancel", null, executionId);
        SimpleHttpRequest request = SimpleRequestBuilder
                .post(url("/v1/execution/" + segment(executionId) + "/cancel", List.of())).build();
        return send(call, request, r -> {
            JsonNode success = call.read(r, JsonNode.class).get("success");
            call.require(r, success != null && success.isBoolean(), "success");
            return success.asBoolean();
        });
    }

    /** One page of results as {@link ResultPage}, rows as Dune sent them ({@link ResultPage#inColumnOrder()}). */
    public CompletableFuture<ResultPage> results(ResultsTarget target, ResultOptions options) {
        return resultsPage(new Call(target.operation(), target.queryId(), target.executionId()),
                resultsUrl(target, options, false));
    }

    /** One page of results, the answer's JSON text as received. */
    public CompletableFuture<String> resultsJson(ResultsTarget target, ResultOptions options) {
        Call call = new Call(target.operation(), target.queryId(), target.executionId());
        return send(call, SimpleRequestBuilder.get(resultsUrl(target, options, false)).build(), r -> {
            call.read(r, JsonNode.class);
            return r.body().text(Integer.MAX_VALUE);
        });
    }

    /**
     * The page after {@code previous}: Dune's {@code next_uri} when it points at this API, else the execution's
     * results at {@code next_offset}; the key is never sent anywhere else.
     */
    public CompletableFuture<ResultPage> nextPage(ResultPage previous, ResultOptions options) {
        Call call = new Call("results", previous.queryId(), previous.executionId());
        String url = sameApi(previous.nextUri()) ? withKey(previous.nextUri())
                : resultsUrl(ResultsTarget.execution(previous.executionId()),
                        options.withOffset(previous.nextOffset()), false);
        return resultsPage(call, url);
    }

    /** One page of results as CSV. */
    public CompletableFuture<CsvPage> resultsCsv(ResultsTarget target, ResultOptions options) {
        return csvPage(new Call(target.operation() + "Csv", target.queryId(), target.executionId()),
                resultsUrl(target, options, true), target, options);
    }

    /** The CSV page after {@code previous} (see {@link #nextPage}). */
    public CompletableFuture<CsvPage> nextCsvPage(CsvPage previous) {
        ResultsTarget target = previous.target();
        Call call = new Call(target.operation() + "Csv", target.queryId(), target.executionId());
        ResultOptions next = previous.nextOffset() == null ? previous.options()
                : previous.options().withOffset(previous.nextOffset());
        String url = sameApi(previous.nextUri()) ? withKey(previous.nextUri()) : resultsUrl(target, next, true);
        return csvPage(call, url, target, next);
    }

    private CompletableFuture<ResultPage> resultsPage(Call call, String url) {
        return send(call, SimpleRequestBuilder.get(url).build(), r -> {
            ResultPage page = call.read(r, ResultPage.class);
            call.require(r, page.state() != null, "state");
            return page;
        });
    }

    private CompletableFuture<CsvPage> csvPage(Call call, String url, ResultsTarget target, ResultOptions options) {
        return send(call, SimpleRequestBuilder.get(url).build(), r -> {
            Header nextUri = r.header("x-dune-next-uri");
            Header nextOffset = r.header("x-dune-next-offset");
            Long offset = null;
            if (nextOffset != null) {
                try {
                    offset = Long.parseLong(nextOffset.getValue().trim());
                } catch (NumberFormatException e) {
                    throw call.failure(r.code(), "unreadable x-dune-next-offset header", e);
                }
            }
            return new CsvPage(r.body(), nextUri == null ? null : nextUri.getValue(), offset, target, options);
        });
    }

    private String resultsUrl(ResultsTarget target, ResultOptions options, boolean csv) {
        List<Map.Entry<String, String>> query = new ArrayList<>(options.toQuery());
        query.addAll(target.parameterQuery());
        return url(target.path(csv), query);
    }

    private String url(String path, List<Map.Entry<String, String>> query) {
        StringBuilder url = new StringBuilder(baseUrl).append(path);
        char sep = '?';
        for (Map.Entry<String, String> q : query) {
            url.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            sep = '&';
        }
        return withKey(url.toString());
    }

    private String withKey(String url) {
        if (apiKeyLocation != ApiKeyLocation.query) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "api_key=" + encode(apiKey);
    }

    /** Whether a URL Dune handed out points at this client's API (same scheme, host, port and base path). */
    private boolean sameApi(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI u = URI.create(url);
            return u.getScheme() != null && u.getScheme().equalsIgnoreCase(base.getScheme()) && u.getHost() != null
                    && u.getHost().equalsIgnoreCase(base.getHost()) && port(u) == port(base)
                    && u.getRawPath() != null && u.getRawPath().startsWith(base.getRawPath() + "/")
                    && (u.getRawQuery() == null || !u.getRawQuery().contains("api_key="));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** An id as one URL path segment: nothing in it can change the path. */
    static String segment(String id) {
        return encode(id);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> CompletableFuture<T> send(Call call, SimpleHttpRequest request, Function<Answer, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(call, request, reader, 0, result);
        return result;
    }

    /** One attempt; on a failure the policy allows to retry, the next attempt is scheduled, not waited for. */
    private <T> void attempt(Call call, SimpleHttpRequest request, Function<Answer, T> reader, int attempt,
            CompletableFuture<T> result) {
        Duration wait = limiter == null ? Duration.ZERO : limiter.reserve(call.isExecute());
        if (!wait.isZero()) {
            try {
                scheduler.schedule(() -> sendNow(call, request, reader, attempt, result), wait.toNanos(),
                        TimeUnit.NANOSECONDS);
                return;
            } catch (RejectedExecutionException stopping) {
                // the component is stopping: send at once
            }
        }
        sendNow(call, request, reader, attempt, result);
    }

    private <T> void sendNow(Call call, SimpleHttpRequest request, Function<Answer, T> reader, int attempt,
            CompletableFuture<T> result) {
        once(call, request, reader).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            if (error instanceof DuneApiException failure && retries.shouldRetry(failure, call.isExecute(), attempt)) {
                Duration delay = retries.delay(failure, attempt);
                LOG.debug("Dune {} failed ({}); attempt {} in {} ms", call.operation, failure.getHttpResponseCode(),
                        attempt + 2, delay.toMillis());
                try {
                    scheduler.schedule(() -> attempt(call, request, reader, attempt + 1, result), delay.toMillis(),
                            TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the component is stopping: report the failure as it is
                }
            }
            result.completeExceptionally(call.isExecute() ? call.mayExist(error) : error);
        });
    }

    private <T> CompletableFuture<T> once(Call call, SimpleHttpRequest request, Function<Answer, T> reader) {
        if (apiKeyLocation == ApiKeyLocation.header) {
            request.setHeader(new ApiKeyHeader(apiKey));
        }
        request.setConfig(requestConfig);
        CompletableFuture<T> future = new CompletableFuture<>();
        // logged without the query string, which may hold the key
        String path = request.getPath();
        int query = path.indexOf('?');
        String target = request.getMethod() + " " + (query < 0 ? path : path.substring(0, query));
        LOG.debug("Dune {}: {}", call.operation, target);
        transport.client().execute(SimpleRequestProducer.create(request),
                new BasicResponseConsumer<>(new ChunkedBody.Consumer()), new FutureCallback<>() {
            @Override
            public void completed(Message<HttpResponse, ChunkedBody> message) {
                Answer response = new Answer(message.getHead(), message.getBody() == null
                        ? ChunkedBody.of(new byte[0]) : message.getBody());
                LOG.debug("Dune {}: {} answered {}", call.operation, target, response.code());
                try {
                    if (response.code() >= 200 && response.code() < 300) {
                        future.complete(reader.apply(response));
                    } else {
                        future.completeExceptionally(call.error(response));
                    }
                } catch (RuntimeException e) {
                    future.completeExceptionally(e instanceof DuneApiException ? e
                            : call.failure(response.code(), "unexpected answer: " + e.getClass().getSimpleName(), e));
                } catch (Error e) {
                    // out of memory, say: the exchange must fail, not wait forever
                    future.completeExceptionally(e);
                    throw e;
                }
            }

            @Override
            public void failed(Exception ex) {
                LOG.debug("Dune {}: {} failed: {}", call.operation, target, ex.toString());
                future.completeExceptionally(call.noAnswer(ex));
            }

            @Override
            public void cancelled() {
                future.completeExceptionally(call.noAnswer(new CancellationException("request cancelled")));
            }
        });
        return future;
    }

    /** One call's identity, to put into its errors. */
    private record Call(String operation, Long queryId, String executionId) {

        boolean isExecute() {
            return operation.equals("execute") || operation.equals("executeSql");
        }

        /** After a 5xx or a lost answer to an execute, says that the execution may exist (and may cost credits). */
        Throwable mayExist(Throwable error) {
            if (error instanceof DuneApiException e && (e.getHttpResponseCode() >= 500
                    || e instanceof DuneConnectionException && !RetryPolicy.notSent(e.getCause()))) {
                DuneApiException.Failure f = e.getFailure();
                DuneApiException.Failure withWarning = new DuneApiException.Failure(f.operation(), f.queryId(),
                        f.executionId(), f.httpStatus(), f.duneError() + " (the execution may have been created "
                                + "anyway and not be visible here; it was not sent again, so check before executing "
                                + "again)", f.retryAfter(), f.state());
                return DuneApiException.of(withWarning, e.getCause());
            }
            return error;
        }

        <T> T read(Answer response, Class<T> type) {
            if (response.body().length() == 0) {
                throw failure(response.code(), "empty answer where JSON was expected", null);
            }
            try {
                T value = JSON.readValue(response.body().stream(), type);
                if (value == null || value instanceof JsonNode node && !node.isObject()) {
                    throw failure(response.code(), "answer is not a JSON object", null);
                }
                return value;
            } catch (IOException e) {
                throw failure(response.code(), "unreadable answer: " + e.getClass().getSimpleName(), e);
            }
        }

        void require(Answer response, boolean present, String fields) {
            if (!present) {
                throw failure(response.code(), "answer without " + fields, null);
            }
        }

        DuneApiException error(Answer response) {
            return DuneApiException.of(new DuneApiException.Failure(operation, queryId, executionId,
                    response.code(), errorText(response), retryAfter(response)), null);
        }

        DuneApiException noAnswer(Exception cause) {
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            return DuneApiException.of(new DuneApiException.Failure(operation, queryId, executionId, 0, why, null),
                    cause);
        }

        DuneApiException failure(int status, String why, Throwable cause) {
            return new DuneApiException(new DuneApiException.Failure(operation, queryId, executionId, status, why,
                    null), cause);
        }
    }

    /** Dune's {@code error} text, or a short, clean description of whatever else came back. */
    static String errorText(Answer response) {
        String body = response.text();
        if (body.isBlank()) {
            return response.head().getReasonPhrase();
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.path("error").isTextual()) {
                return json.get("error").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: an HTML error page from a proxy, for instance
        }
        String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return "unexpected answer: " + (text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text);
    }

    /**
     * How long Dune asked to wait: {@code Retry-After} (seconds or an HTTP date), else on a 429 the reset of its
     * {@code RateLimit} header ({@code "read";r=0;t=12}), else null.
     */
    static Duration retryAfter(Answer response) {
        Header h = response.header("Retry-After");
        if (h == null || h.getValue() == null) {
            return response.code() == 429 ? rateLimitReset(response.header("RateLimit")) : null;
        }
        String value = h.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    /**
     * The failure behind an error a future of this client completed with: a stage that passes a failure on wraps it
     * in a {@link java.util.concurrent.CompletionException}.
     */
    public static Throwable cause(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    /** The {@code t=} seconds of a {@code RateLimit} header (IETF draft, as Dune sends it), or null. */
    static Duration rateLimitReset(Header header) {
        Matcher m = header == null || header.getValue() == null ? null : RATE_LIMIT_RESET.matcher(header.getValue());
        return m != null && m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }

}
