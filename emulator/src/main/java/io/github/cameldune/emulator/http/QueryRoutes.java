package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.InvalidRequestException;
import io.github.cameldune.emulator.engine.QueryLibrary;
import io.github.cameldune.emulator.engine.QueryParameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dune's query management ({@code /v1/query}): create, read, list, update (a new version), archive and unarchive, make
 * private and public, in Dune's shapes; an archived query is neither executed nor edited.
 */
final class QueryRoutes {

    /** Dune's answer to an execute of an archived or unsaved query. */
    static final String NOT_EXECUTABLE =
            "Not allowed to execute query. Query is archived, unsaved or not enough permissions";

    private final ExecutionEngine engine;
    private final FaultGate gate;

    QueryRoutes(ExecutionEngine engine, FaultGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    List<ApiRoutes.Route> routes() {
        return List.of(
                new ApiRoutes.Route("POST", Pattern.compile("/api/v1/query/?"), this::create),
                new ApiRoutes.Route("GET", Pattern.compile("/api/v1/queries/?"), this::list),
                new ApiRoutes.Route("GET", Pattern.compile("/api/v1/query/([^/]+)/?"), this::get),
                new ApiRoutes.Route("PATCH", Pattern.compile("/api/v1/query/([^/]+)/?"), this::update),
                new ApiRoutes.Route(
                        "POST",
                        Pattern.compile("/api/v1/query/([^/]+)/(archive|unarchive|private|unprivate)/?"),
                        this::state));
    }

    private void create(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.QUERY_CREATE, null);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        long id = engine.library()
                .create(
                        text(request, "name"),
                        text(request, "query_sql"),
                        text(request, "description"),
                        tags(request.get("tags")),
                        parameters(request.get("parameters")),
                        request.path("is_private").asBoolean(false),
                        request.path("is_temp").asBoolean(false));
        ex.sendJson(200, ApiExchange.JSON.createObjectNode().put("query_id", id));
    }

    private void get(ApiExchange ex, Matcher path) throws IOException {
        long id = ApiRoutes.queryId(path.group(1));
        gate.pass(ex, ApiEndpoint.QUERY_READ, id);
        QueryLibrary.View view = engine.library().find(id).orElseThrow(() -> ApiException.notFound("Query not found"));
        QueryLibrary.Info info = view.info();
        ObjectNode answer = ApiExchange.JSON
                .createObjectNode()
                .put("query_id", id)
                .put("name", view.query().name())
                .put("description", info.description())
                .put("version", info.version())
                .put("query_engine", "v2 Dune SQL")
                .put("query_sql", view.query().sql())
                .put("is_private", info.isPrivate())
                .put("is_archived", info.isArchived())
                .put("is_unsaved", info.isTemp())
                .put("is_temp", info.isTemp())
                .put("owner", engine.settings().handle());
        answer.set("tags", ApiExchange.JSON.valueToTree(info.tags()));
        answer.set("parameters", ApiExchange.JSON.valueToTree(QueryLibrary.parameterObjects(view.query())));
        ex.sendJson(200, answer);
    }

    /** {@code GET /v1/queries?limit=20&offset=0}: a page of the account's own queries, and how many there are. */
    private void list(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.QUERY_LIST, null);
        int limit = Math.max(1, UploadRoutes.number(ex.first("limit"), 20));
        int offset = Math.max(0, UploadRoutes.number(ex.first("offset"), 0));
        List<QueryLibrary.View> all = engine.library().listed();
        ObjectNode answer = ApiExchange.JSON.createObjectNode();
        var queries = answer.putArray("queries");
        for (QueryLibrary.View v : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
            ObjectNode q = queries.addObject()
                    .put("id", v.query().id())
                    .put("name", v.query().name())
                    .put("description", v.info().description())
                    .put("owner", engine.settings().handle());
            q.set("tags", ApiExchange.JSON.valueToTree(v.info().tags()));
            q.put("created_at", v.info().createdAt().toString())
                    .put("updated_at", v.info().updatedAt().toString());
        }
        ex.sendJson(200, answer.put("total", all.size()));
    }

    private void update(ApiExchange ex, Matcher path) throws IOException {
        long id = ApiRoutes.queryId(path.group(1));
        gate.pass(ex, ApiEndpoint.QUERY_UPDATE, id);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        QueryLibrary.Changes changes = new QueryLibrary.Changes(
                text(request, "name"),
                text(request, "query_sql"),
                text(request, "description"),
                request.has("tags") ? tags(request.get("tags")) : null,
                request.has("parameters") ? parameters(request.get("parameters")) : null,
                request.has("is_private") ? request.get("is_private").asBoolean() : null);
        boolean found;
        try {
            found = engine.library().update(id, changes);
        } catch (QueryLibrary.ArchivedException e) {
            throw new ApiException(403, "Not allowed to update this query");
        }
        if (!found) {
            throw ApiException.notFound("Query not found");
        }
        ex.sendJson(200, ApiExchange.JSON.createObjectNode().put("query_id", id));
    }

    private void state(ApiExchange ex, Matcher path) throws IOException {
        long id = ApiRoutes.queryId(path.group(1));
        gate.pass(ex, ApiEndpoint.QUERY_STATE, id);
        boolean found = switch (path.group(2)) {
            case "archive" -> engine.library().archived(id, true);
            case "unarchive" -> engine.library().archived(id, false);
            case "private" -> engine.library().privacy(id, true);
            default -> engine.library().privacy(id, false);
        };
        if (!found) {
            throw ApiException.notFound("Query not found");
        }
        ex.sendJson(200, ApiExchange.JSON.createObjectNode().put("query_id", id));
    }

    private static String text(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> tags(JsonNode tags) {
        List<String> out = new ArrayList<>();
        if (tags != null && tags.isArray()) {
            tags.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    /** Dune's parameter objects, {@code {"key","type","value","enumOptions"?}}, as the catalog's parameters. */
    private static Map<String, QueryParameter> parameters(JsonNode parameters) {
        Map<String, QueryParameter> out = new LinkedHashMap<>();
        if (parameters == null || !parameters.isArray()) {
            return out;
        }
        for (JsonNode p : parameters) {
            String key = p.path("key").asText("");
            String type = p.path("type").asText("text").toUpperCase(Locale.ROOT);
            List<String> options = new ArrayList<>();
            p.path("enumOptions").forEach(o -> options.add(o.asText()));
            QueryParameter.Type parsed;
            try {
                parsed = QueryParameter.Type.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Unknown parameter type '"
                        + p.path("type").asText() + "' of " + key + ": expected text, number, datetime or enum");
            }
            out.put(key, new QueryParameter(key, parsed, p.path("value").asText(""), List.copyOf(options)));
        }
        return out;
    }
}
