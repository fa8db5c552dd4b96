package io.github.cameldune.emulator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the emulator's tests, so they check the wire format and not a Dune SDK. */
final class ApiClient {

    record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {}

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String apiKey;

    ApiClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String body) {
        return send(request(path)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, with a body of a content type (or none when null). */
    Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = request(path)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(contentType == null ? b : b.header("Content-Type", contentType));
    }

    /** Executes SQL and waits for its rows. */
    JsonNode sqlRows(String sql) {
        String id = post(
                        "/v1/sql/execute",
                        JSON.createObjectNode().put("sql", sql).toString())
                .json()
                .get("execution_id")
                .asText();
        JsonNode status = awaitFinished(id);
        if (!status.path("state").asText().equals("QUERY_STATE_COMPLETED")) {
            throw new AssertionError("the SQL failed: " + status);
        }
        return get("/v1/execution/" + id + "/results").json().path("result").path("rows");
    }

    Response getAbsolute(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri))
                .header("X-Dune-Api-Key", apiKey)
                .GET());
    }

    /** A request to the emulator's own {@code /emulator/...} controls, which sit beside {@code /api}. */
    Response admin(String method, String path, String body) {
        URI uri = URI.create(baseUrl.replaceFirst("/api$", "") + path);
        return send(HttpRequest.newBuilder(uri)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Polls status until the execution is finished. */
    JsonNode awaitFinished(String executionId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get("/v1/execution/" + executionId + "/status").json(),
                        status -> status.path("is_execution_finished").asBoolean());
    }

    String execute(long queryId, String body) {
        Response r = post("/v1/query/" + queryId + "/execute", body);
        if (r.status() != 200) {
            throw new AssertionError("execute answered " + r.status() + ": " + r.body());
        }
        return r.json().get("execution_id").asText();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return apiKey == null ? b : b.header("X-Dune-Api-Key", apiKey);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
