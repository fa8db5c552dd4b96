package io.github.cameldune.dune.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.model.DuneExecution;

/**
 * The Dune API v1, one asynchronous method per endpoint. It knows nothing of Camel: it turns arguments into HTTP
 * requests, answers into {@code model} objects, and every failure into a {@link DuneApiException}.
 */
public final class DuneClient {

    /** The header Dune reads the key from. */
    public static final String API_KEY_HEADER = "X-Dune-Api-Key";

    private static final Logger LOG = LoggerFactory.getLogger(DuneClient.class);
    private static final int MAX_ERROR_TEXT = 300;

    /** Shared Jackson mapper: ignores fields Dune adds later. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpTransport transport;
    private final String baseUrl;
    private final String apiKey;
    private final ApiKeyLocation apiKeyLocation;
    private final RequestConfig requestConfig;

    /**
     * A client of one Dune API base URL.
     *
     * @param baseUrl         e.g. {@code https://api.dune.com/api}
     * @param responseTimeout how long to wait for each answer
     */
    public DuneClient(HttpTransport transport, String baseUrl, String apiKey, ApiKeyLocation apiKeyLocation,
            Duration responseTimeout) {
        this.transport = transport;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.apiKeyLocation = apiKeyLocation;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build();
    }

    /**
     * {@code POST /v1/query/{queryId}/execute}: starts an execution of a saved query.
     *
     * @param parameters  values by name (see {@link QueryParameters}); empty sends none
     * @param performance {@code small}, {@code medium} or {@code large}, or null to send no tier (Dune's default)
     */
    public CompletableFuture<DuneExecution> executeQuery(long queryId, Map<String, ?> parameters, String performance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query_parameters", QueryParameters.toJson(parameters));
        if (performance != null) {
            body.put("performance", performance);
        }
        SimpleHttpRequest request = SimpleRequestBuilder.post(url("/v1/query/" + queryId + "/execute"))
                .setBody(json(body), ContentType.APPLICATION_JSON).build();
        Call call = new Call("execute", queryId, null);
        return send(call, request).thenApply(r -> {
            DuneExecution execution = call.read(r, DuneExecution.class);
            if (execution.executionId() == null || execution.state() == null) {
                throw call.failure(r.getCode(), "answer without execution_id or state", null);
            }
            return execution;
        });
    }

    private String url(String path) {
        String url = baseUrl + path;
        if (apiKeyLocation == ApiKeyLocation.query) {
            url += (url.contains("?") ? "&" : "?") + "api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
        }
        return url;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private CompletableFuture<SimpleHttpResponse> send(Call call, SimpleHttpRequest request) {
        if (apiKeyLocation == ApiKeyLocation.header) {
            request.setHeader(new ApiKeyHeader(apiKey));
        }
        request.setConfig(requestConfig);
        CompletableFuture<SimpleHttpResponse> future = new CompletableFuture<>();
        // logged without the query string, which may hold the key
        String target = request.getMethod() + " " + request.getPath().replaceFirst("\\?.*", "");
        LOG.debug("Dune {}: {}", call.operation, target);
        transport.client().execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                LOG.debug("Dune {}: {} answered {}", call.operation, target, response.getCode());
                if (response.getCode() >= 200 && response.getCode() < 300) {
                    future.complete(response);
                } else {
                    future.completeExceptionally(call.error(response));
                }
            }

            @Override
            public void failed(Exception ex) {
                LOG.debug("Dune {}: {} failed: {}", call.operation, target, ex.toString());
                future.completeExceptionally(call.noAnswer(ex));
            }

            @Override
            public void cancelled() {
                future.completeExceptionally(call.noAnswer(new java.util.concurrent.CancellationException("cancelled")));
            }
        });
        return future;
    }

    /** One call's identity, to put into its errors. */
    private record Call(String operation, Long queryId, String executionId) {

        <T> T read(SimpleHttpResponse response, Class<T> type) {
            try {
                T value = JSON.readValue(response.getBodyBytes(), type);
                if (value == null) {
                    throw failure(response.getCode(), "empty answer where JSON was expected", null);
                }
                return value;
            } catch (java.io.IOException e) {
                throw failure(response.getCode(), "unreadable answer: " + e.getClass().getSimpleName(), e);
            }
        }

        DuneApiException error(SimpleHttpResponse response) {
            return DuneApiException.of(new DuneApiException.Failure(operation, queryId, executionId,
                    response.getCode(), errorText(response), retryAfter(response)), null);
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
    static String errorText(SimpleHttpResponse response) {
        String body = response.getBodyText();
        if (body == null || body.isBlank()) {
            return response.getReasonPhrase();
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

    /** {@code Retry-After} as seconds or an HTTP date. */
    static Duration retryAfter(SimpleHttpResponse response) {
        Header h = response.getFirstHeader("Retry-After");
        if (h == null || h.getValue() == null) {
            return null;
        }
        String value = h.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(ZonedDateTime.now(at.getZone()), at).isNegative() ? Duration.ZERO
                        : Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
