package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.MaterializedViews;
import io.github.cameldune.emulator.engine.NotFoundException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dune's materialized views ({@code /v1/materialized-views}): upsert by bare name in the body, get, delete and refresh
 * by full name in the path, list a page at a time. Bodies are JSON whatever their {@code Content-Type}, as Dune's Go
 * client sends none.
 */
final class MaterializedViewRoutes {

    private static final String BASE = "/api/v1/materialized-views";

    private final ExecutionEngine engine;
    private final FaultGate gate;

    MaterializedViewRoutes(ExecutionEngine engine, FaultGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    List<ApiRoutes.Route> routes() {
        return List.of(
                new ApiRoutes.Route("POST", Pattern.compile(BASE + "/?"), this::upsert),
                new ApiRoutes.Route("GET", Pattern.compile(BASE + "/?"), this::list),
                new ApiRoutes.Route("POST", Pattern.compile(BASE + "/([^/]+)/refresh/?"), this::refresh),
                new ApiRoutes.Route("GET", Pattern.compile(BASE + "/([^/]+)/?"), this::get),
                new ApiRoutes.Route("DELETE", Pattern.compile(BASE + "/([^/]+)/?"), this::delete));
    }

    private void upsert(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.MATVIEW_UPSERT, null);
        ApiRoutes.refuseOverCreditLimit(engine);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        JsonNode queryId = request.get("query_id");
        if (queryId != null && !queryId.canConvertToLong()) {
            throw ApiException.badRequest("query_id must be a number");
        }
        MaterializedViews.Refreshing started = engine.materializedViews()
                .upsert(
                        text(request, "name"),
                        queryId == null ? null : queryId.asLong(),
                        text(request, "cron_expression"),
                        text(request, "performance"),
                        request.has("is_private") ? request.get("is_private").asBoolean() : null,
                        text(request, "expires_at"));
        ex.sendJson(
                200,
                ApiExchange.JSON
                        .createObjectNode()
                        .put("execution_id", started.execution().id())
                        .put("name", started.fullName()));
    }

    private void refresh(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.MATVIEW_REFRESH, null);
        ApiRoutes.refuseOverCreditLimit(engine);
        String performance = text(ApiRoutes.parseBody(ex.body), "performance");
        MaterializedViews.Refreshing started = engine.materializedViews().refreshByFullName(name(path), performance);
        ex.sendJson(
                200,
                ApiExchange.JSON
                        .createObjectNode()
                        .put("execution_id", started.execution().id())
                        .put("sql_id", started.fullName()));
    }

    private void get(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.MATVIEW_READ, null);
        MaterializedViews.View view = found(name(path));
        ObjectNode answer = summary(view);
        answer.set("last_execution_ids", ApiExchange.JSON.valueToTree(view.lastExecutionIds()));
        if (view.schedule() == null) {
            answer.putNull("schedule");
        } else {
            ObjectNode schedule = answer.putObject("schedule")
                    .put("cron_expression", view.schedule().cron().expression())
                    .put(
                            "next_execution_time",
                            MaterializedViews.nextRefresh(view, Instant.now()).toString());
            if (view.schedule().performance() != null) {
                schedule.put("performance", view.schedule().performance());
            }
            if (view.schedule().expiresAt() != null) {
                schedule.put("expires_at", view.schedule().expiresAt());
            }
        }
        ex.sendJson(200, answer);
    }

    /** {@code ?limit=&offset=}: a page of the account's views; {@code next_offset} only when more follow. */
    private void list(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.MATVIEW_READ, null);
        int limit = Math.min(10_000, Math.max(1, UploadRoutes.number(ex.first("limit"), 10_000)));
        int offset = Math.max(0, UploadRoutes.number(ex.first("offset"), 0));
        List<MaterializedViews.View> all = engine.materializedViews().list();
        ObjectNode answer = ApiExchange.JSON.createObjectNode();
        var views = answer.putArray("materialized_views");
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))
                .forEach(v -> views.add(summary(v)));
        if (offset + limit < all.size()) {
            answer.put("next_offset", offset + limit);
        }
        ex.sendJson(200, answer);
    }

    private void delete(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.MATVIEW_DELETE, null);
        if (!engine.materializedViews().delete(name(path))) {
            throw notFound(name(path));
        }
        ex.sendJson(200, ApiExchange.JSON.createObjectNode().put("message", "ok"));
    }

    private MaterializedViews.View found(String fullName) {
        return engine.materializedViews().find(fullName).orElseThrow(() -> notFound(fullName));
    }

    private static ObjectNode summary(MaterializedViews.View v) {
        return ApiExchange.JSON
                .createObjectNode()
                .put("sql_id", v.fullName())
                .put("query_id", v.queryId())
                .put("is_private", v.isPrivate())
                .put("table_size_bytes", v.tableSizeBytes());
    }

    private static NotFoundException notFound(String fullName) {
        return new NotFoundException("Materialized view not found: " + fullName);
    }

    private static String name(Matcher path) {
        return URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
    }

    static String text(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
