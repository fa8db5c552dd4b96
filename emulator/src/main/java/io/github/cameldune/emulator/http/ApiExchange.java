package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.faults.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request being answered: what was asked (method, path, decoded query, body) and what the answer carries besides
 * its body (the rate-limit headers of the request's bucket, a fault to send once the work is done).
 */
final class ApiExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpExchange http;
    final String method;
    final String path;
    final Map<String, List<String>> query;
    final byte[] body;
    /** The RateLimit headers of the request's bucket, added to whatever answers it. */
    final Map<String, String> limitHeaders = new LinkedHashMap<>();
    /** A fault that answers once the API has handled the request (see {@link Fault#afterHandling()}). */
    Fault answerAfter;

    ApiExchange(HttpExchange http, byte[] body) {
        this.http = http;
        this.method = http.getRequestMethod().toUpperCase(Locale.ROOT);
        this.path = http.getRequestURI().getRawPath();
        this.query = RecordedRequest.parseQuery(http.getRequestURI().getRawQuery());
        this.body = body;
    }

    /** The first value of a query parameter, or null. */
    String first(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The host the client used, as it should appear in the URLs the answer hands out. */
    String host() {
        String host = http.getRequestHeaders().getFirst("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        InetSocketAddress local = http.getLocalAddress();
        return local.getHostString() + ":" + local.getPort();
    }

    void sendError(int status, String message) throws IOException {
        sendJson(status, JSON.createObjectNode().put("error", message));
    }

    void sendJson(int status, JsonNode json) throws IOException {
        send(status, "application/json", JSON.writeValueAsBytes(json));
    }

    /** Sends the answer, unless a fault set to answer after the work takes its place. */
    void send(int status, String contentType, byte[] content) throws IOException {
        limitHeaders.forEach((k, v) -> http.getResponseHeaders().set(k, v));
        Fault after = answerAfter;
        if (after != null) {
            // the API's work is done (an execution may exist); the client gets the fault instead of the answer
            answerAfter = null;
            if (after.isReset()) {
                throw new ResetConnection();
            }
            after.headers().forEach((k, v) -> http.getResponseHeaders().set(k, v));
            if (after.rawBody() != null) {
                send(after.httpStatus(), after.contentType(), after.rawBody().getBytes(StandardCharsets.UTF_8));
            } else {
                sendError(after.httpStatus(), after.error());
            }
            return;
        }
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, content.length == 0 ? -1 : content.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(content);
        }
    }

    /** Closes the connection with no status line: the client sees the connection end without an answer. */
    void resetConnection() {
        try {
            // headers promising a body that never comes, then the close: no HTTP answer reaches the client
            http.sendResponseHeaders(200, 1_000_000);
            http.getResponseBody().flush();
        } catch (IOException e) {
            // the connection is gone either way
        }
        http.close();
    }

    /** Thrown to drop a connection without answering. */
    static final class ResetConnection extends RuntimeException {
        ResetConnection() {
            super(null, null, false, false);
        }
    }
}
