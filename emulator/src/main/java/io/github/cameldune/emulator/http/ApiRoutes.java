package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.CommaList;
import io.github.cameldune.emulator.engine.Execution;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.ExecutionState;
import io.github.cameldune.emulator.engine.ResultPage;
import io.github.cameldune.emulator.engine.ResultQuery;
import io.github.cameldune.emulator.engine.SavedQuery;
import io.github.cameldune.emulator.engine.Ulid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dune API v1 endpoints: a table of method, path pattern and handler, and the handlers, which parse the request,
 * ask the engine and answer in Dune's shapes ({@link ExecutionJson}). The engine knows nothing of HTTP.
 */
final class ApiRoutes {

    /** Handles one matched request; the matcher holds the path's groups. */
    @FunctionalInterface
    interface Handler {
        void handle(ApiExchange ex, Matcher path) throws IOException, SQLException;
    }

    /** One line of the table. */
    record Route(String method, Pattern path, Handler handler) {}

    private static final String NO_LATEST = "not found: No execution found for the latest version of the given query";
    private static final String EXECUTION = "/api/v1/execution/([^/]+)/";
    static final String BILLING_LIMIT = "This api request would exceed your configured limits per billing "
            + "cycle. Please visit your settings on dune.com and adjust your limits to continue usage.";

    private final ExecutionEngine engine;
    private final FaultGate gate;
    private final RequestStats stats;
    private final List<Route> table;

    ApiRoutes(ExecutionEngine engine, FaultGate gate, RequestStats stats) {
        this.engine = engine;
        this.gate = gate;
        this.stats = stats;
        List<Route> routes = new java.util.ArrayList<>(List.of(
                new Route("POST", Pattern.compile("/api/v1/query/([^/]+)/execute/?"), this::executeQuery),
                new Route("POST", Pattern.compile("/api/v1/sql/execute/?"), this::executeSql),
                new Route("GET", Pattern.compile(EXECUTION + "status/?"), this::status),
                new Route("GET", Pattern.compile(EXECUTION + "results(/csv)?/?"), this::results),
                new Route("POST", Pattern.compile(EXECUTION + "cancel/?"), this::cancel),
                new Route("GET", Pattern.compile("/api/v1/query/([^/]+)/results(/csv)?/?"), this::latestResults),
                new Route("POST", Pattern.compile("/api/v1/usage/?"), this::usage)));
        routes.addAll(new UploadRoutes(engine, gate).routes());
        routes.addAll(new QueryRoutes(engine, gate).routes());
        routes.addAll(new MaterializedViewRoutes(engine, gate).routes());
        routes.addAll(new PipelineRoutes(engine, gate).routes());
        routes.addAll(new DatasetRoutes(engine, gate).routes());
        this.table = List.copyOf(routes);
    }

    /** Answers a request from the table: 404 for a path no route has, 405 for a method the path does not take. */
    void dispatch(ApiExchange ex) throws IOException, SQLException {
        boolean pathKnown = false;
        for (Route route : table) {
            Matcher m = route.path().matcher(ex.path);
            if (m.matches()) {
                if (route.method().equals(ex.method)) {
                    route.handler().handle(ex, m);
                    return;
                }
                pathKnown = true;
            }
        }
        throw pathKnown ? new ApiException(405, "Method not allowed") : ApiException.notFound("Object not found");
    }

    private void executeQuery(ApiExchange ex, Matcher path) throws IOException {
        long queryId = queryId(path.group(1));
        gate.pass(ex, ApiEndpoint.EXECUTE, queryId);
        if (engine.library().refusesExecution(queryId)) {
            throw new ApiException(403, QueryRoutes.NOT_EXECUTABLE);
        }
        refuseOverCreditLimit(engine);
        ObjectNode request = parseBody(ex.body);
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode params = request.get("query_parameters");
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw ApiException.badRequest("Invalid request body payload");
            }
            params.properties()
                    .forEach(
                            f -> parameters.put(f.getKey(), ApiExchange.JSON.convertValue(f.getValue(), Object.class)));
        }
        Execution e = engine.executeQuery(queryId, parameters, performance(request, ex))
                .orElseThrow(() -> ApiException.notFound("Query not found"));
        sendExecution(ex, e);
    }

    private void executeSql(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.SQL_EXECUTE, null);
        refuseOverCreditLimit(engine);
        ObjectNode request = parseBody(ex.body);
        JsonNode sql = request.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw ApiException.badRequest("Invalid request body payload");
        }
        sendExecution(ex, engine.executeSql(sql.asText(), performance(request, ex)));
    }

    private void status(ApiExchange ex, Matcher path) throws IOException {
        Execution execution = execution(ex, path.group(1), ApiEndpoint.STATUS);
        Execution.Snapshot s = execution.snapshot();
        int position = s.state() == ExecutionState.PENDING ? engine.queuePosition(execution) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ApiExchange.JSON.getFactory().createGenerator(out)) {
            ExecutionJson.writeStatus(g, s, position, engine.credits().cost(s));
        }
        ex.send(200, "application/json", out.toByteArray());
    }

    private void results(ApiExchange ex, Matcher path) throws IOException, SQLException {
        sendResults(ex, execution(ex, path.group(1), ApiEndpoint.RESULTS).snapshot(), path.group(2) != null);
    }

    private void cancel(ApiExchange ex, Matcher path) throws IOException {
        Execution execution = execution(ex, path.group(1), ApiEndpoint.CANCEL);
        ex.sendJson(200, ApiExchange.JSON.createObjectNode().put("success", engine.cancel(execution)));
    }

    private void latestResults(ApiExchange ex, Matcher path) throws IOException, SQLException {
        SavedQuery saved =
                engine.query(queryId(path.group(1))).orElseThrow(() -> ApiException.notFound("Query not found"));
        gate.pass(ex, ApiEndpoint.RESULTS, saved.id());
        Map<String, Object> parameters = new LinkedHashMap<>();
        ex.query.forEach((k, v) -> {
            if (k.startsWith("params.")) {
                parameters.put(k.substring("params.".length()), v.size() == 1 ? v.get(0) : v);
            }
        });
        Execution latest = engine.latest(saved, parameters).orElseThrow(() -> ApiException.notFound(NO_LATEST));
        sendResults(ex, latest.snapshot(), path.group(2) != null);
    }

    /** Dune's answer to a billed request once the plan's credits (and the configured extra) are spent. */
    static void refuseOverCreditLimit(ExecutionEngine engine) {
        if (engine.credits().limitReached()) {
            throw new ApiException(402, BILLING_LIMIT);
        }
    }

    /**
     * {@code POST /v1/usage}: the current billing period (the calendar month, UTC) with the credits used since the
     * emulator started, in Dune's shape (snake_case {@code billing_periods}, whatever Dune's docs example spells).
     */
    private void usage(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.USAGE, null);
        ex.sendJson(
                200,
                ExecutionJson.usage(
                        parseBody(ex.body),
                        engine.credits(),
                        engine.bytesStored(),
                        engine.settings().storageLimit(),
                        engine.library().privateCount()));
    }

    /** The execution of a path; faults stand in front of the API, so they answer for unknown executions too. */
    private Execution execution(ApiExchange ex, String rawId, ApiEndpoint endpoint) {
        String id = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
        if (!Ulid.isValid(id)) {
            throw ApiException.badRequest("The requested execution ID (ID: " + id + ") is invalid.");
        }
        Optional<Execution> found = engine.find(id);
        if (found.isPresent() && endpoint == ApiEndpoint.STATUS) {
            stats.countStatus(id);
        }
        gate.pass(ex, endpoint, found.map(Execution::queryId).orElse(null));
        return found.orElseThrow(() -> ApiException.notFound("Object not found"));
    }

    /**
     * A page of results as JSON or CSV. Both answer for the execution's own path; the JSON body carries the state in
     * every state, while CSV exists only for a completed result.
     */
    private void sendResults(ApiExchange ex, Execution.Snapshot s, boolean csv) throws IOException, SQLException {
        String columns = ex.first("columns");
        ResultQuery request = new ResultQuery(
                columns == null
                        ? null
                        : CommaList.split(columns).stream()
                                .map(CommaList::unquote)
                                .filter(c -> !c.isEmpty())
                                .toList(),
                ex.first("filters"),
                ex.first("sort_by"),
                ex.query.containsKey("sample_count") ? (int) number(ex, "sample_count", 0) : null,
                ex.query.containsKey("limit") ? limit(ex) : null,
                number(ex, "offset", 0));
        boolean partialAllowed = "true".equalsIgnoreCase(ex.first("allow_partial_results"));
        boolean readable = s.state() == ExecutionState.COMPLETED
                || s.state() == ExecutionState.COMPLETED_PARTIAL && partialAllowed;
        if (s.state() == ExecutionState.COMPLETED_PARTIAL && !partialAllowed) {
            throw ApiException.badRequest("Partial Result, please request with 'allows_partial_results=true'");
        }
        ResultPage page = readable && s.result() != null ? engine.page(s.result(), request) : null;
        String nextUri = page != null && page.nextOffset() != null
                ? nextUri(
                        ex,
                        "/api/v1/execution/" + s.executionId() + "/results" + (csv ? "/csv" : ""),
                        page.nextOffset())
                : null;
        if (csv) {
            if (page == null) {
                throw ApiException.badRequest("The execution (ID: " + s.executionId() + ") has no result: it is "
                        + s.state().wireName());
            }
            if (nextUri != null) {
                ex.http.getResponseHeaders().set("x-dune-next-offset", String.valueOf(page.nextOffset()));
                ex.http.getResponseHeaders().set("x-dune-next-uri", nextUri);
            }
            byte[] csvBody = Csv.write(page);
            engine.credits().exported(csvBody.length);
            ex.send(200, "text/csv", csvBody);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ApiExchange.JSON.getFactory().createGenerator(out)) {
            ExecutionJson.writeResults(g, s, page, nextUri);
        }
        if (page != null) {
            engine.credits().exported(page.resultSetBytes());
        }
        ex.send(200, "application/json", out.toByteArray());
    }

    /** The absolute URL of the next page: the host the client used, every result parameter, the new offset. */
    private static String nextUri(ApiExchange ex, String path, long nextOffset) {
        StringBuilder uri =
                new StringBuilder("http://").append(ex.host()).append(path).append('?');
        boolean first = true;
        for (Map.Entry<String, List<String>> e : ex.query.entrySet()) {
            // the key never travels in a URL the server hands out, and the page is named by its execution
            if (e.getKey().equals("offset")
                    || e.getKey().equals("api_key")
                    || e.getKey().startsWith("params.")) {
                continue;
            }
            for (String v : e.getValue()) {
                uri.append(first ? "" : "&")
                        .append(encode(e.getKey()))
                        .append('=')
                        .append(encode(v));
                first = false;
            }
        }
        return uri.append(first ? "" : "&").append("offset=").append(nextOffset).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sendExecution(ApiExchange ex, Execution e) throws IOException {
        ex.sendJson(
                200,
                ApiExchange.JSON
                        .createObjectNode()
                        .put("execution_id", e.id())
                        .put("state", e.state().wireName()));
    }

    static long queryId(String rawId) {
        try {
            return Long.parseLong(URLDecoder.decode(rawId, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid query id: " + rawId);
        }
    }

    /** The tier from the body or the query string; Dune's CLI also sends free and small. */
    private static String performance(ObjectNode request, ApiExchange ex) {
        JsonNode p = request.get("performance");
        String tier = p != null && !p.isNull() ? p.asText() : ex.first("performance");
        if (tier != null && !List.of("medium", "large", "free", "small").contains(tier)) {
            throw ApiException.badRequest("Invalid request body payload");
        }
        return tier;
    }

    static ObjectNode parseBody(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return ApiExchange.JSON.createObjectNode();
        }
        try {
            JsonNode node = ApiExchange.JSON.readTree(body);
            if (node == null || node.isNull()) {
                return ApiExchange.JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw ApiException.badRequest("Invalid request body payload");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw ApiException.badRequest("Invalid request body payload");
        }
    }

    /** Dune answers a limit of 0 with a 400; a client following next_uri on such a page would loop forever. */
    private static int limit(ApiExchange ex) {
        long limit = number(ex, "limit", 0);
        if (limit < 1) {
            throw ApiException.badRequest("invalid limit: must be at least 1, was " + ex.first("limit"));
        }
        return (int) Math.min(limit, Integer.MAX_VALUE);
    }

    private static long number(ApiExchange ex, String name, long fallback) {
        String value = ex.first(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value);
            if (v < 0) {
                throw ApiException.badRequest("invalid " + name + ": must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid " + name + ": " + value);
        }
    }
}
