package io.github.cameldune.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.engine.Execution;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.ExecutionState;
import io.github.cameldune.emulator.engine.InvalidRequestException;
import io.github.cameldune.emulator.engine.ResultPage;
import io.github.cameldune.emulator.engine.ResultQuery;
import io.github.cameldune.emulator.engine.SavedQuery;
import io.github.cameldune.emulator.engine.Ulid;
import io.github.cameldune.emulator.faults.Endpoint;
import io.github.cameldune.emulator.faults.Fault;
import io.github.cameldune.emulator.faults.FaultInjector;
import io.github.cameldune.emulator.faults.RateLimits;

/**
 * The Dune API v1 over HTTP: routing, authentication, request parsing and error bodies. Everything a client sees of the
 * protocol is decided here and in {@link ExecutionJson}; the engine below knows nothing of HTTP.
 */
public final class DuneApiServer implements AutoCloseable {

    private static final Pattern EXECUTE = Pattern.compile("/api/v1/query/([^/]+)/execute/?");
    private static final Pattern SQL_EXECUTE = Pattern.compile("/api/v1/sql/execute/?");
    private static final Pattern EXECUTION = Pattern.compile(
            "/api/v1/execution/([^/]+)/(status|results|results/csv|cancel)/?");
    private static final Pattern LATEST = Pattern.compile("/api/v1/query/([^/]+)/results(/csv)?/?");
    private static final String NO_LATEST = "not found: No execution found for the latest version of the given query";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK server writes headers and body apart: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms each
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // it closes idle keep-alive connections beyond 200, which a client with a larger pool then finds closed
        // under a request it must not resend (an execute): keep as many as a busy client opens
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "2000");
        }
    }

    /** A fault that answers once the API has handled the request (see {@link Fault#afterHandling()}). */
    private static final ThreadLocal<Fault> ANSWER_AFTER = new ThreadLocal<>();

    private final ExecutionEngine engine;
    private final FaultInjector faults;
    private final RateLimits rateLimits;
    private final String apiKey;
    private final int maxRecorded;
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<Endpoint, LongAdder> requestCounts = new EnumMap<>(Endpoint.class);
    private final Map<String, LongAdder> statusRequests = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Binds the server; {@link #start()} opens it.
     *
     * @param apiKey      the key clients must send, or null to accept any non-empty key
     * @param maxRecorded how many requests to keep for {@link #recordedRequests()} (the oldest go first)
     */
    public DuneApiServer(ExecutionEngine engine, FaultInjector faults, RateLimits rateLimits, String host, int port,
            String apiKey, int maxRecorded) throws IOException {
        this.engine = engine;
        this.faults = faults;
        this.rateLimits = rateLimits;
        this.apiKey = apiKey;
        this.maxRecorded = maxRecorded;
        for (Endpoint endpoint : Endpoint.values()) {
            requestCounts.put(endpoint, new LongAdder());
        }
        this.server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "dune-emulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // all threads up front, so a client's thread counts measured while the emulator runs stay its own
        pool.prestartAllCoreThreads();
        this.workers = pool;
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.createContext("/emulator/", new AdminEndpoint(engine, faults, rateLimits, this));
    }

    /** Starts answering. */
    public void start() {
        server.start();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The requests received so far, oldest first. */
    public synchronized List<RecordedRequest> recordedRequests() {
        return List.copyOf(recorded);
    }

    /**
     * Authenticated requests received on an endpoint since start ({@link Endpoint#ANY}: all of them), counted also
     * when a fault or a rate limit answered.
     */
    public long requestCount(Endpoint endpoint) {
        return requestCounts.get(endpoint).sum();
    }

    /** Status requests received for one execution, answered or faulted. */
    public long statusRequestCount(String executionId) {
        LongAdder n = statusRequests.get(executionId);
        return n == null ? 0 : n.sum();
    }

    /** Forgets the recorded requests. */
    public synchronized void clearRecordedRequests() {
        recorded.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            record(exchange, path, rawQuery, body);
            try {
                route(exchange, exchange.getRequestMethod().toUpperCase(Locale.ROOT), path,
                        RecordedRequest.parseQuery(rawQuery), body);
            } catch (ResetConnection e) {
                resetConnection(exchange);
            } catch (ApiException e) {
                e.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                if (e.rawBody != null) {
                    send(exchange, e.status, e.contentType, e.rawBody.getBytes(StandardCharsets.UTF_8));
                } else {
                    sendError(exchange, e.status, e.getMessage());
                }
            } catch (InvalidRequestException e) {
                sendError(exchange, 400, e.getMessage());
            } catch (RuntimeException | java.sql.SQLException e) {
                sendError(exchange, 500, "An internal error occurred");
            } finally {
                ANSWER_AFTER.remove();
                LIMIT_HEADERS.remove();
            }
        }
    }

    /** Thrown to drop a connection without answering. */
    private static final class ResetConnection extends RuntimeException {
        ResetConnection() {
            super(null, null, false, false);
        }
    }

    /** Closes the connection with no status line: the client sees the connection end without an answer. */
    private static void resetConnection(HttpExchange exchange) {
        try {
            // headers promising a body that never comes, then the close: no HTTP answer reaches the client
            exchange.sendResponseHeaders(200, 1_000_000);
            exchange.getResponseBody().flush();
        } catch (IOException e) {
            // the connection is gone either way
        }
        exchange.close();
    }

    private void route(HttpExchange ex, String method, String path, Map<String, List<String>> query, byte[] body)
            throws IOException, java.sql.SQLException {
        // Dune checks the key before anything else, even before the id format
        authenticate(ex, query);
        Matcher m;
        if ((m = EXECUTE.matcher(path)).matches()) {
            requireMethod(method, "POST");
            executeQuery(ex, m.group(1), query, body);
        } else if (SQL_EXECUTE.matcher(path).matches()) {
            requireMethod(method, "POST");
            injectFault(Endpoint.SQL_EXECUTE, null);
            ObjectNode request = parseBody(body);
            JsonNode sql = request.get("sql");
            if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
                throw ApiException.badRequest("Invalid request body payload");
            }
            Execution e = engine.executeSql(sql.asText(), performance(request, query));
            sendExecution(ex, e);
        } else if ((m = EXECUTION.matcher(path)).matches()) {
            String id = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            String action = m.group(2);
            requireMethod(method, action.equals("cancel") ? "POST" : "GET");
            if (!Ulid.isValid(id)) {
                throw ApiException.badRequest("The requested execution ID (ID: " + id + ") is invalid.");
            }
            // faults stand in front of the API: they answer for unknown executions too
            Execution found = engine.find(id).orElse(null);
            if (found != null && action.equals("status")) {
                statusRequests.computeIfAbsent(id, k -> new LongAdder()).increment();
            }
            boolean csv = action.endsWith("/csv");
            injectFault(csv ? Endpoint.RESULTS : Endpoint.valueOf(action.toUpperCase(Locale.ROOT)),
                    found == null ? null : found.queryId());
            Execution execution = Optional.ofNullable(found).orElseThrow(() -> ApiException.notFound("Object not found"));
            switch (action) {
                case "status" -> sendStatus(ex, execution);
                case "results", "results/csv" -> sendResults(ex, execution.snapshot(), query, csv);
                default -> sendJson(ex, 200, JSON.createObjectNode().put("success", engine.cancel(execution)));
            }
        } else if ((m = LATEST.matcher(path)).matches()) {
            requireMethod(method, "GET");
            SavedQuery saved = engine.query(queryId(m.group(1))).orElseThrow(() -> ApiException.notFound("Query not found"));
            injectFault(Endpoint.RESULTS, saved.id());
            Map<String, Object> parameters = new LinkedHashMap<>();
            query.forEach((k, v) -> {
                if (k.startsWith("params.")) {
                    parameters.put(k.substring("params.".length()), v.size() == 1 ? v.get(0) : v);
                }
            });
            Execution latest = engine.latest(saved, parameters).orElseThrow(() -> ApiException.notFound(NO_LATEST));
            sendResults(ex, latest.snapshot(), query, m.group(2) != null);
        } else {
            throw ApiException.notFound("Object not found");
        }
    }

    /** The RateLimit headers of the request being handled, added to whatever answers it. */
    private static final ThreadLocal<Map<String, String>> LIMIT_HEADERS = ThreadLocal.withInitial(LinkedHashMap::new);

    /** Answers 429 over the plan's quota, else with an injected fault instead of the API when one matches. */
    private void injectFault(Endpoint endpoint, Long queryId) {
        requestCounts.get(endpoint).increment();
        requestCounts.get(Endpoint.ANY).increment();
        Map<String, String> limitHeaders = LIMIT_HEADERS.get();
        if (!rateLimits.admit(endpoint, limitHeaders)) {
            throw new ApiException(429, "Too many requests");
        }
        Fault fault = faults.pick(endpoint, queryId).orElse(null);
        if (fault != null && !fault.latency().isZero()) {
            try {
                Thread.sleep(fault.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault == null || fault.isLatencyOnly()) {
            return;
        }
        if (fault.isAfterHandling()) {
            ANSWER_AFTER.set(fault);
            return;
        }
        if (fault.isReset()) {
            throw new ResetConnection();
        }
        ApiException answer = new ApiException(fault.httpStatus(), fault.error());
        answer.headers.putAll(fault.headers());
        answer.rawBody = fault.rawBody();
        answer.contentType = fault.contentType();
        throw answer;
    }

    private void authenticate(HttpExchange ex, Map<String, List<String>> query) {
        String key = ex.getRequestHeaders().getFirst("X-Dune-Api-Key");
        if (key == null && query.containsKey("api_key")) {
            key = query.get("api_key").get(0);
        }
        boolean ok = key != null && !key.isEmpty() && (apiKey == null || apiKey.equals(key));
        if (!ok) {
            throw new ApiException(401, "invalid API Key");
        }
    }

    private void executeQuery(HttpExchange ex, String rawId, Map<String, List<String>> query, byte[] body)
            throws IOException {
        long queryId = queryId(rawId);
        injectFault(Endpoint.EXECUTE, queryId);
        ObjectNode request = parseBody(body);
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode params = request.get("query_parameters");
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw ApiException.badRequest("Invalid request body payload");
            }
            params.properties().forEach(f -> parameters.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class)));
        }
        Execution e = engine.executeQuery(queryId, parameters, performance(request, query))
                .orElseThrow(() -> ApiException.notFound("Query not found"));
        sendExecution(ex, e);
    }

    private static long queryId(String rawId) {
        try {
            return Long.parseLong(URLDecoder.decode(rawId, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid query id: " + rawId);
        }
    }

    /** The tier from the body or the query string; Dune's CLI also sends free and small. */
    private static String performance(ObjectNode request, Map<String, List<String>> query) {
        JsonNode p = request.get("performance");
        String tier = p != null && !p.isNull() ? p.asText()
                : query.containsKey("performance") ? query.get("performance").get(0) : null;
        if (tier != null && !List.of("medium", "large", "free", "small").contains(tier)) {
            throw ApiException.badRequest("Invalid request body payload");
        }
        return tier;
    }

    private static ObjectNode parseBody(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isNull()) {
                return JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw ApiException.badRequest("Invalid request body payload");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw ApiException.badRequest("Invalid request body payload");
        }
    }

    private void sendExecution(HttpExchange ex, Execution e) throws IOException {
        sendJson(ex, 200, JSON.createObjectNode().put("execution_id", e.id()).put("state", e.state().wireName()));
    }

    private void sendStatus(HttpExchange ex, Execution execution) throws IOException {
        Execution.Snapshot s = execution.snapshot();
        int position = s.state() == ExecutionState.PENDING ? engine.queuePosition(execution) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            ExecutionJson.writeStatus(g, s, position);
        }
        send(ex, 200, "application/json", out.toByteArray());
    }

    /**
     * A page of results as JSON or CSV. Both answer for the execution's own path; the JSON body carries the state in
     * every state, while CSV exists only for a completed result.
     */
    private void sendResults(HttpExchange ex, Execution.Snapshot s, Map<String, List<String>> query, boolean csv)
            throws IOException, java.sql.SQLException {
        ResultQuery request = new ResultQuery(
                query.containsKey("columns") ? splitColumns(query.get("columns").get(0)) : null,
                first(query, "filters"), first(query, "sort_by"),
                query.containsKey("sample_count") ? (int) intParam(query, "sample_count", 0) : null,
                query.containsKey("limit") ? (int) intParam(query, "limit", 0) : null,
                intParam(query, "offset", 0));
        boolean partialAllowed = "true".equalsIgnoreCase(first(query, "allow_partial_results"));
        boolean readable = s.state() == ExecutionState.COMPLETED
                || s.state() == ExecutionState.COMPLETED_PARTIAL && partialAllowed;
        if (s.state() == ExecutionState.COMPLETED_PARTIAL && !partialAllowed) {
            throw ApiException.badRequest("Partial Result, please request with 'allows_partial_results=true'");
        }
        ResultPage page = readable && s.result() != null ? engine.page(s.result(), request) : null;
        String nextUri = page != null && page.nextOffset() != null
                ? nextUri(ex, "/api/v1/execution/" + s.executionId() + "/results" + (csv ? "/csv" : ""), query,
                        page.nextOffset())
                : null;
        if (csv) {
            if (page == null) {
                throw ApiException.badRequest("The execution (ID: " + s.executionId() + ") has no result: it is "
                        + s.state().wireName());
            }
            if (nextUri != null) {
                ex.getResponseHeaders().set("x-dune-next-offset", String.valueOf(page.nextOffset()));
                ex.getResponseHeaders().set("x-dune-next-uri", nextUri);
            }
            send(ex, 200, "text/csv", Csv.write(page));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            ExecutionJson.writeResults(g, s, page, nextUri);
        }
        send(ex, 200, "application/json", out.toByteArray());
    }

    /** The absolute URL of the next page: the host the client used, every result parameter, the new offset. */
    private static String nextUri(HttpExchange ex, String path, Map<String, List<String>> query, long nextOffset) {
        StringBuilder uri = new StringBuilder("http://").append(host(ex)).append(path).append('?');
        boolean first = true;
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            // the key never travels in a URL the server hands out, and the page is named by its execution
            if (e.getKey().equals("offset") || e.getKey().equals("api_key") || e.getKey().startsWith("params.")) {
                continue;
            }
            for (String v : e.getValue()) {
                uri.append(first ? "" : "&").append(encode(e.getKey())).append('=').append(encode(v));
                first = false;
            }
        }
        return uri.append(first ? "" : "&").append("offset=").append(nextOffset).toString();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String host(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        InetSocketAddress local = ex.getLocalAddress();
        return local.getHostString() + ":" + local.getPort();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Splits Dune's {@code columns} list: comma-separated, names with special characters double-quoted. */
    static List<String> splitColumns(String text) {
        List<String> columns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                columns.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        columns.add(current.toString().trim());
        columns.removeIf(String::isEmpty);
        return columns;
    }

    private static long intParam(Map<String, List<String>> query, String name, long fallback) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(values.get(0));
            if (v < 0) {
                throw ApiException.badRequest("invalid " + name + ": must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid " + name + ": " + values.get(0));
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new ApiException(405, "Method not allowed");
        }
    }

    private synchronized void record(HttpExchange ex, String path, String rawQuery, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        recorded.addLast(new RecordedRequest(ex.getRequestMethod(), path, rawQuery, Map.copyOf(headers),
                new String(body, StandardCharsets.UTF_8)));
        while (recorded.size() > maxRecorded) {
            recorded.removeFirst();
        }
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        sendJson(ex, status, JSON.createObjectNode().put("error", message));
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        LIMIT_HEADERS.get().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        Fault after = ANSWER_AFTER.get();
        if (after != null) {
            // the API's work is done (an execution may exist); the client gets the fault instead of the answer
            ANSWER_AFTER.remove();
            if (after.isReset()) {
                throw new ResetConnection();
            }
            after.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            if (after.rawBody() != null) {
                send(ex, after.httpStatus(), after.contentType(), after.rawBody().getBytes(StandardCharsets.UTF_8));
            } else {
                sendJson(ex, after.httpStatus(), JSON.createObjectNode().put("error", after.error()));
            }
            return;
        }
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
