package io.github.cameldune.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.QueryCatalog;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Faults and plan rate limits written as JSON: the format of the emulator's {@code --faults} file, of
 * {@code --fault} and of its {@code /emulator/faults} admin endpoint, so the three cannot drift apart.
 *
 * <pre>
 * {
 *   "rateLimits": {"plan": "free"},                      // or {"write": 15, "read": 40, "window": "1m"}
 *   "faults": [
 *     {"endpoint": "status", "status": 429, "error": "Too many requests", "headers": {"Retry-After": "1"}, "rate": 0.1},
 *     {"endpoint": "results", "status": 502, "body": "&lt;html&gt;Bad gateway&lt;/html&gt;", "contentType": "text/html"},
 *     {"endpoint": "execute", "reset": true, "afterHandling": true, "times": 1},
 *     {"endpoint": "any", "latency": "800ms", "queryId": 1001}
 *   ]
 * }
 * </pre>
 *
 * A document may also be one fault object or an array of them. A fault is exactly one of {@code status} (with
 * {@code error}, or with a raw {@code body}), {@code reset} or {@code latency}; {@code endpoint} (execute,
 * sql_execute, status, results, cancel, any), {@code queryId}, {@code rate}, {@code times}, {@code headers} and
 * {@code afterHandling} narrow or shape it.
 */
public final class FaultPlan {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FAULT_FIELDS = Set.of(
            "status",
            "error",
            "body",
            "contentType",
            "reset",
            "latency",
            "endpoint",
            "queryId",
            "rate",
            "times",
            "headers",
            "afterHandling");

    private FaultPlan() {}

    /**
     * Adds the document's faults and sets its rate limits.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static void apply(String json, FaultInjector faults, RateLimits rateLimits) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("faults are not valid JSON: " + e.getOriginalMessage());
        }
        if (doc == null || !(doc.isObject() || doc.isArray())) {
            throw new IllegalArgumentException("faults must be a JSON object or array");
        }
        if (doc.isArray()) {
            addAll(doc, faults);
            return;
        }
        if (!doc.has("faults") && !doc.has("rateLimits")) {
            faults.add(fault(doc));
            return;
        }
        if (doc.has("rateLimits")) {
            rateLimits(doc.get("rateLimits"), rateLimits);
        }
        if (doc.has("faults")) {
            addAll(doc.get("faults"), faults);
        }
    }

    /** The faults and limits in force, in the same format. */
    public static String describe(FaultInjector faults, RateLimits rateLimits) {
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode limits = doc.putObject("rateLimits");
        limits.put("write", rateLimits.writeQuota())
                .put("read", rateLimits.readQuota())
                .put("window", rateLimits.window().toMillis() + "ms");
        ArrayNode list = doc.putArray("faults");
        for (Fault f : faults.list()) {
            ObjectNode o = list.addObject();
            o.put("endpoint", f.endpoint() == null ? "any" : f.endpoint().name().toLowerCase(Locale.ROOT));
            if (f.queryId() != null) {
                o.put("queryId", f.queryId());
            }
            if (f.isReset()) {
                o.put("reset", true);
            } else if (f.httpStatus() != 0) {
                o.put("status", f.httpStatus());
                if (f.rawBody() != null) {
                    o.put("body", f.rawBody()).put("contentType", f.contentType());
                } else {
                    o.put("error", f.error());
                }
            }
            if (!f.latency().isZero()) {
                o.put("latency", f.latency().toMillis() + "ms");
            }
            if (!f.headers().isEmpty()) {
                ObjectNode headers = o.putObject("headers");
                f.headers().forEach(headers::put);
            }
            o.put("rate", f.rate()).put("afterHandling", f.isAfterHandling());
            if (f.remaining() != Integer.MAX_VALUE) {
                o.put("times", f.remaining());
            }
        }
        return doc.toPrettyString();
    }

    private static void addAll(JsonNode array, FaultInjector faults) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("'faults' must be an array");
        }
        // parse all first: a document with one bad fault adds none
        java.util.List<Fault> parsed = new java.util.ArrayList<>();
        array.forEach(f -> parsed.add(fault(f)));
        parsed.forEach(faults::add);
    }

    static Fault fault(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("a fault must be a JSON object: " + o);
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FAULT_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown fault field '" + name + "' (known: " + FAULT_FIELDS + ")");
            }
        }
        int kinds = (o.has("status") ? 1 : 0)
                + (o.path("reset").asBoolean() ? 1 : 0)
                + (o.has("latency") && !o.has("status") && !o.path("reset").asBoolean() ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("a fault needs exactly one of 'status', 'reset' or 'latency': " + o);
        }
        Fault fault;
        if (o.has("status")) {
            int status = o.get("status").asInt();
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("'status' must be an HTTP status: " + o.get("status"));
            }
            fault = o.has("body")
                    ? Fault.raw(
                            status,
                            o.path("contentType").asText("application/json"),
                            o.get("body").asText())
                    : Fault.status(status, o.path("error").asText(defaultError(status)));
        } else if (o.path("reset").asBoolean()) {
            fault = Fault.reset();
        } else {
            fault = Fault.latency(duration(o.get("latency")));
        }
        if (o.has("latency") && (o.has("status") || o.path("reset").asBoolean())) {
            throw new IllegalArgumentException("'latency' is a fault of its own; add it as a second fault: " + o);
        }
        if (o.has("endpoint")) {
            String name = o.get("endpoint").asText().toUpperCase(Locale.ROOT);
            try {
                fault.on(name.equals("ANY") ? null : ApiEndpoint.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown endpoint '"
                        + o.get("endpoint").asText() + "' (execute, sql_execute, status, results, cancel, any)");
            }
        }
        if (o.has("queryId")) {
            fault.forQuery(o.get("queryId").asLong());
        }
        if (o.has("rate")) {
            double rate = o.get("rate").asDouble(-1);
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("'rate' must be between 0 and 1: " + o.get("rate"));
            }
            fault.rate(rate);
        }
        if (o.has("times")) {
            fault.times(o.get("times").asInt());
        }
        if (o.has("headers")) {
            for (Map.Entry<String, JsonNode> h : o.get("headers").properties()) {
                fault.header(h.getKey(), h.getValue().asText());
            }
        }
        if (o.path("afterHandling").asBoolean()) {
            fault.afterHandling();
        }
        return fault;
    }

    private static void rateLimits(JsonNode o, RateLimits limits) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("'rateLimits' must be an object");
        }
        if (o.has("plan")) {
            if (!"free".equalsIgnoreCase(o.get("plan").asText())) {
                throw new IllegalArgumentException(
                        "unknown plan '" + o.get("plan").asText() + "' (free)");
            }
            limits.freePlan();
            return;
        }
        Duration window = o.has("window") ? duration(o.get("window")) : Duration.ofMinutes(1);
        limits.write(o.path("write").asInt(0), window).read(o.path("read").asInt(0), window);
    }

    private static Duration duration(JsonNode value) {
        return value.isNumber() ? Duration.ofMillis(value.asLong()) : QueryCatalog.parseDuration(value.asText());
    }

    private static String defaultError(int status) {
        return switch (status) {
            case 402 -> Fault.PAYMENT_REQUIRED;
            case 403 -> Fault.FORBIDDEN;
            case 429 -> "Too many requests";
            case 500 -> Fault.INTERNAL_ERROR;
            default -> "HTTP " + status;
        };
    }
}
