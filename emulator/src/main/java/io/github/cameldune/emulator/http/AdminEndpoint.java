package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.Execution;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.SavedQuery;
import io.github.cameldune.emulator.faults.FaultInjector;
import io.github.cameldune.emulator.faults.FaultPlan;
import io.github.cameldune.emulator.faults.RateLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The emulator's own controls under {@code /emulator/}, apart from the Dune API so they can never be mistaken for it:
 * <ul>
 * <li>{@code GET /emulator/faults}: the faults and rate limits in force ({@link FaultPlan} format);</li>
 * <li>{@code POST /emulator/faults}: adds faults and sets rate limits from a {@link FaultPlan} document;</li>
 * <li>{@code DELETE /emulator/faults}: removes every fault and rate limit;</li>
 * <li>{@code GET /emulator/stats}: executions created and by state, requests per endpoint, requests refused by HTTP
 * status (a wrong key's 401 among them);</li>
 * <li>{@code GET /emulator/queries}: the saved queries with their parameters, types, defaults and options;</li>
 * <li>{@code GET /emulator/executions/{id}}: one execution's times (as Dune reports them) and how many status
 * requests it received, e.g. to measure a client's polling.</li>
 * </ul>
 * They need no API key: the emulator listens on loopback unless told otherwise.
 */
final class AdminEndpoint implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutionEngine engine;
    private final FaultInjector faults;
    private final RateLimits rateLimits;
    private final RequestStats stats;

    AdminEndpoint(ExecutionEngine engine, FaultInjector faults, RateLimits rateLimits, RequestStats stats) {
        this.engine = engine;
        this.faults = faults;
        this.rateLimits = rateLimits;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().replaceAll("/+$", "");
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            switch (method + " " + path) {
                case "GET /emulator/faults" -> send(ex, 200, FaultPlan.describe(faults, rateLimits));
                case "POST /emulator/faults" -> {
                    try {
                        FaultPlan.apply(
                                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                                faults,
                                rateLimits);
                        send(ex, 200, FaultPlan.describe(faults, rateLimits));
                    } catch (IllegalArgumentException e) {
                        send(
                                ex,
                                400,
                                JSON.createObjectNode()
                                        .put("error", e.getMessage())
                                        .toString());
                    }
                }
                case "DELETE /emulator/faults" -> {
                    faults.clear();
                    rateLimits.clear();
                    send(ex, 200, FaultPlan.describe(faults, rateLimits));
                }
                case "GET /emulator/stats" -> send(ex, 200, stats().toPrettyString());
                case "GET /emulator/queries" -> send(ex, 200, queries().toPrettyString());
                default -> {
                    if (method.equals("GET") && path.startsWith("/emulator/executions/")) {
                        execution(ex, path.substring("/emulator/executions/".length()));
                        return;
                    }
                    send(
                            ex,
                            404,
                            "{\"error\":\"unknown emulator endpoint: " + method + " " + path
                                    + " (GET/POST/DELETE /emulator/faults, GET /emulator/stats, GET /emulator/queries, GET /emulator/executions/ID)\"}");
                }
            }
        }
    }

    private void execution(HttpExchange ex, String id) throws IOException {
        Execution execution = engine.find(id).orElse(null);
        if (execution == null) {
            send(ex, 404, "{\"error\":\"no execution " + id.replaceAll("[^0-9A-Za-z]", "") + "\"}");
            return;
        }
        Execution.Snapshot s = execution.snapshot();
        ObjectNode o = JSON.createObjectNode()
                .put("executionId", s.executionId())
                .put("queryId", s.queryId())
                .put("state", s.state().wireName())
                .put("statusRequests", stats.statusRequests(id));
        o.put("submittedAt", Objects.toString(s.submittedAt(), null))
                .put("executionStartedAt", Objects.toString(s.startedAt(), null))
                .put("executionEndedAt", Objects.toString(s.endedAt(), null));
        send(ex, 200, o.toPrettyString());
    }

    /** The saved queries a client can execute, with their parameters as Dune would take them. */
    private ArrayNode queries() {
        ArrayNode list = JSON.createArrayNode();
        for (SavedQuery q : engine.queries()) {
            ObjectNode o = list.addObject().put("queryId", q.id()).put("name", q.name());
            ArrayNode parameters = o.putArray("parameters");
            q.parameters().values().stream()
                    .sorted(java.util.Comparator.comparing(p -> p.name()))
                    .forEach(p -> {
                        ObjectNode param = parameters
                                .addObject()
                                .put("name", p.name())
                                .put("type", p.type().name().toLowerCase(Locale.ROOT))
                                .put("default", p.defaultValue());
                        if (p.options() != null && !p.options().isEmpty()) {
                            p.options().forEach(param.putArray("options")::add);
                        }
                    });
            if (!q.minDuration().isZero()) {
                o.put("minDuration", q.minDuration().toString());
            }
        }
        return list;
    }

    private ObjectNode stats() {
        ObjectNode stats = JSON.createObjectNode();
        stats.put("handle", engine.settings().handle());
        stats.put("executionsCreated", engine.executionsCreated());
        Map<String, Integer> byState = new TreeMap<>();
        for (Execution e : engine.executions()) {
            byState.merge(e.snapshot().state().wireName(), 1, Integer::sum);
        }
        ObjectNode states = stats.putObject("executionsByState");
        byState.forEach(states::put);
        ObjectNode requests = stats.putObject("requests");
        for (ApiEndpoint endpoint : ApiEndpoint.values()) {
            requests.put(endpoint.name().toLowerCase(Locale.ROOT), this.stats.requests(endpoint));
        }
        requests.put("any", this.stats.total());
        ObjectNode refused = stats.putObject("refused");
        this.stats.refusedByStatus().forEach((status, n) -> refused.put(String.valueOf(status), n));
        return stats;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
