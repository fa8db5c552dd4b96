package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.Pipelines;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dune's pipelines: a query's lineage ({@code GET /v1/query/{id}/pipeline}), its execution ({@code POST
 * /v1/query/{id}/pipeline/execute}, the tier medium when none is given, as Dune's SDKs expect), the execution of given
 * nodes ({@code POST /v1/pipelines/execute}, Dune's schema {@code {"pipeline":{"nodes":[...]}}}, or the docs' prose
 * form {@code {"query_id":...}}) and a pipeline execution's status with one entry per node.
 */
final class PipelineRoutes {

    private final ExecutionEngine engine;
    private final FaultGate gate;

    PipelineRoutes(ExecutionEngine engine, FaultGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    List<ApiRoutes.Route> routes() {
        return List.of(
                new ApiRoutes.Route("GET", Pattern.compile("/api/v1/query/([^/]+)/pipeline/?"), this::lineage),
                new ApiRoutes.Route(
                        "POST", Pattern.compile("/api/v1/query/([^/]+)/pipeline/execute/?"), this::executeQuery),
                new ApiRoutes.Route("POST", Pattern.compile("/api/v1/pipelines/execute/?"), this::execute),
                new ApiRoutes.Route(
                        "GET", Pattern.compile("/api/v1/pipelines/executions/([^/]+)/status/?"), this::status));
    }

    /** {@code ?performance=&query_parameters=<URL-encoded JSON>}. */
    private void lineage(ApiExchange ex, Matcher path) throws IOException {
        long queryId = ApiRoutes.queryId(path.group(1));
        gate.pass(ex, ApiEndpoint.PIPELINE_READ, queryId);
        String parameters = ex.first("query_parameters");
        Map<String, Object> values = parameters == null ? Map.of() : parameters(parse(parameters));
        List<Pipelines.Node> nodes = engine.pipelines().lineage(queryId, values, tier(ex.first("performance")));
        ObjectNode answer = ApiExchange.JSON.createObjectNode();
        writeNodes(answer.putObject("pipeline").putArray("nodes"), nodes);
        ex.sendJson(200, answer);
    }

    private void executeQuery(ApiExchange ex, Matcher path) throws IOException {
        long queryId = ApiRoutes.queryId(path.group(1));
        gate.pass(ex, ApiEndpoint.PIPELINE_EXECUTE, queryId);
        ApiRoutes.refuseOverCreditLimit(engine);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        List<Pipelines.Node> nodes = engine.pipelines()
                .lineage(
                        queryId,
                        parameters(request.get("query_parameters")),
                        tier(MaterializedViewRoutes.text(request, "performance")));
        started(ex, engine.pipelines().execute(nodes));
    }

    private void execute(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.PIPELINE_EXECUTE, null);
        ApiRoutes.refuseOverCreditLimit(engine);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        List<Pipelines.Node> nodes;
        if (request.has("pipeline")) {
            nodes = new ArrayList<>();
            for (JsonNode n : request.path("pipeline").path("nodes")) {
                nodes.add(node(n));
            }
        } else if (request.has("query_id") && request.get("query_id").canConvertToLong()) {
            nodes = engine.pipelines()
                    .lineage(
                            request.get("query_id").asLong(),
                            parameters(request.get("query_parameters")),
                            tier(MaterializedViewRoutes.text(request, "performance")));
        } else {
            throw ApiException.badRequest("The body must be {\"pipeline\": {\"nodes\": [...]}}");
        }
        started(ex, engine.pipelines().execute(nodes));
    }

    private void status(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.PIPELINE_STATUS, null);
        String id = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        Pipelines.Status status =
                engine.pipelines().status(id).orElseThrow(() -> ApiException.notFound("Object not found"));
        ObjectNode answer = ApiExchange.JSON.createObjectNode().put("status", status.status());
        if (status.error() != null) {
            answer.put("error", status.error());
        }
        ArrayNode nodes = answer.putArray("node_executions");
        for (Pipelines.NodeRun run : status.nodes()) {
            ObjectNode node = nodes.addObject().put("id", run.node().id());
            ObjectNode own = run.node().isRefresh()
                    ? node.putObject("materialized_view_refresh_status")
                            .put("name", run.node().viewName())
                    : node.putObject("query_execution_status")
                            .put("query_id", run.node().queryId());
            own.put("status", nodeStatus(run));
            if (run.execution() != null) {
                own.put("execution_id", run.execution().id());
            }
            if (run.error() != null) {
                own.put("error", run.error());
            }
        }
        ex.sendJson(200, answer);
    }

    private static String nodeStatus(Pipelines.NodeRun run) {
        if (run.execution() == null) {
            return run.error() == null ? "pending" : "failed";
        }
        return switch (run.execution().state()) {
            case PENDING -> "pending";
            case EXECUTING -> "executing";
            case COMPLETED, COMPLETED_PARTIAL, EXPIRED -> "completed";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    private static void started(ApiExchange ex, String pipelineExecutionId) throws IOException {
        ex.sendJson(200, ApiExchange.JSON.createObjectNode().put("pipeline_execution_id", pipelineExecutionId));
    }

    private static void writeNodes(ArrayNode out, List<Pipelines.Node> nodes) {
        for (Pipelines.Node n : nodes) {
            ObjectNode node = out.addObject().put("id", n.id());
            n.dependencies().forEach(node.putArray("dependencies")::add);
            if (n.isRefresh()) {
                node.putObject("materialized_view_refresh")
                        .put("name", n.viewName())
                        .put("performance", n.performance());
            } else {
                ObjectNode q = node.putObject("query_execution")
                        .put("query_id", n.queryId())
                        .put("performance", n.performance());
                q.set("query_parameters", ApiExchange.JSON.valueToTree(n.queryParameters()));
            }
        }
    }

    /** A node as Dune's schema has it. */
    private static Pipelines.Node node(JsonNode n) {
        if (!n.path("id").canConvertToInt()) {
            throw ApiException.badRequest("Every node needs an integer id");
        }
        List<Integer> dependencies = new ArrayList<>();
        n.path("dependencies").forEach(d -> dependencies.add(d.asInt()));
        JsonNode refresh = n.get("materialized_view_refresh");
        JsonNode query = n.get("query_execution");
        boolean isRefresh = refresh != null && !refresh.isNull();
        boolean isQuery = query != null && !query.isNull();
        JsonNode own = isRefresh ? refresh : query;
        return new Pipelines.Node(
                n.get("id").asInt(),
                List.copyOf(dependencies),
                isRefresh ? refresh.path("name").asText(null) : null,
                isQuery && query.path("query_id").canConvertToLong()
                        ? query.get("query_id").asLong()
                        : null,
                isQuery ? parameters(query.get("query_parameters")) : null,
                tier(own == null ? null : MaterializedViewRoutes.text((ObjectNode) own, "performance")));
    }

    private static Map<String, Object> parameters(JsonNode params) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (params == null || params.isNull()) {
            return values;
        }
        if (!params.isObject()) {
            throw ApiException.badRequest("query_parameters must be an object");
        }
        params.properties()
                .forEach(f -> values.put(f.getKey(), ApiExchange.JSON.convertValue(f.getValue(), Object.class)));
        return values;
    }

    private static JsonNode parse(String json) {
        try {
            return ApiExchange.JSON.readTree(json);
        } catch (IOException e) {
            throw ApiException.badRequest("query_parameters must be URL-encoded JSON");
        }
    }

    /** The tier of every node: medium when none is given. */
    private static String tier(String performance) {
        if (performance == null) {
            return "medium";
        }
        String tier = performance.toLowerCase(Locale.ROOT);
        if (!List.of("medium", "large", "small", "free").contains(tier)) {
            throw ApiException.badRequest("performance must be medium or large");
        }
        return tier;
    }
}
