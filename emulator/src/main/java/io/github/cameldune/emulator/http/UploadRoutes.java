package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.InvalidRequestException;
import io.github.cameldune.emulator.engine.UploadColumn;
import io.github.cameldune.emulator.engine.Uploads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dune's uploads endpoints, under {@code /v1/uploads} and the deprecated {@code /v1/table} paths with the same bodies:
 * create, insert (CSV or NDJSON), the one-shot CSV upload, clear, delete, list. Only the account's own namespace, its handle, may be written.
 */
final class UploadRoutes {

    private static final String TABLE = "/([^/]+)/([^/]+)";
    private static final String NOT_FOUND = "This table was not found";

    private final ExecutionEngine engine;
    private final FaultGate gate;

    UploadRoutes(ExecutionEngine engine, FaultGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    /** The routes, each under both path families. */
    List<ApiRoutes.Route> routes() {
        List<ApiRoutes.Route> routes = new ArrayList<>();
        for (String base : List.of("/api/v1/uploads", "/api/v1/table")) {
            routes.add(route("POST", base + TABLE + "/insert/?", this::insert));
            routes.add(route("POST", base + TABLE + "/clear/?", this::clear));
            routes.add(route("DELETE", base + TABLE + "/?", this::delete));
        }
        routes.add(route("POST", "/api/v1/uploads/csv/?", this::uploadCsv));
        routes.add(route("POST", "/api/v1/table/upload/csv/?", this::uploadCsv));
        routes.add(route("POST", "/api/v1/uploads/?", this::create));
        routes.add(route("POST", "/api/v1/table/create/?", this::create));
        routes.add(route("GET", "/api/v1/uploads/?", this::list));
        routes.add(route("GET", "/api/v1/tables/?", this::list));
        return routes;
    }

    private static ApiRoutes.Route route(String method, String path, ApiRoutes.Handler handler) {
        return new ApiRoutes.Route(method, Pattern.compile(path), handler);
    }

    private void create(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.UPLOAD_CREATE, null);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        String namespace = request.path("namespace").asText(handle());
        if (!namespace.equals(handle())) {
            throw new ApiException(
                    401, "You are not authorized to create a table under the '" + namespace + "' namespace");
        }
        String name = request.path("table_name").asText(null);
        List<UploadColumn> schema = new ArrayList<>();
        JsonNode columns = request.get("schema");
        if (columns != null && !columns.isArray()) {
            throw ApiException.badRequest("The schema must be an array of columns");
        }
        for (JsonNode c : columns == null ? List.<JsonNode>of() : columns) {
            schema.add(new UploadColumn(
                    c.path("name").asText(null),
                    c.path("type").asText(null),
                    c.path("nullable").asBoolean(true)));
        }
        Uploads.Created created = engine.uploads()
                .create(
                        namespace,
                        name,
                        schema,
                        request.path("description").asText(""),
                        request.path("is_private").asBoolean(false));
        if (created == Uploads.Created.CONFLICT) {
            throw new ApiException(409, "This table already exists");
        }
        String full = "dune." + namespace + "." + name;
        ObjectNode answer = ApiExchange.JSON
                .createObjectNode()
                .put("namespace", namespace)
                .put("table_name", name)
                .put("full_name", full)
                .put("example_query", "select * from " + full + " limit 10")
                .put("already_existed", created == Uploads.Created.EXISTED)
                .put(
                        "message",
                        created == Uploads.Created.EXISTED ? "Table already existed" : "Table created successfully");
        ex.sendJson(created == Uploads.Created.CREATED ? 201 : 200, answer);
    }

    private void insert(ApiExchange ex, Matcher path) throws IOException, SQLException {
        gate.pass(ex, ApiEndpoint.UPLOAD_INSERT, null);
        String namespace = path.group(1);
        String name = path.group(2);
        if (!namespace.equals(handle())) {
            throw new ApiException(
                    401, "You are not authorized to write to the table named '" + namespace + "." + name + "'");
        }
        String type = ex.http.getRequestHeaders().getFirst("Content-Type");
        String media = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("text/csv") && !media.equals("application/x-ndjson")) {
            throw ApiException.badRequest("Invalid content type '" + type + "'. We support CSV (Content-Type: "
                    + "text/csv) and newline delimited JSON (Content-Type: application/x-ndjson).");
        }
        if (ex.body.length > engine.settings().maxInsertBytes()) {
            throw new ApiException(413, DuneApiServer.tooLarge(engine.settings().maxInsertBytes()));
        }
        Uploads.Written written = engine.uploads()
                .insert(namespace, name, media.equals("text/csv"), ex.body)
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        ex.sendJson(
                200,
                ApiExchange.JSON
                        .createObjectNode()
                        .put("rows_written", written.rows())
                        .put("bytes_written", written.bytes())
                        .put("name", "dune." + namespace + "." + name));
    }

    /**
     * {@code POST /v1/uploads/csv}: the whole CSV in a JSON string makes (or replaces) {@code dataset_<table_name>}
     * in the account's namespace. Its 400 carries Dune's text under {@code message}, not {@code error}.
     */
    private void uploadCsv(ApiExchange ex, Matcher path) throws IOException, SQLException {
        gate.pass(ex, ApiEndpoint.UPLOAD_CSV, null);
        if (ex.body.length > engine.settings().maxCsvBytes()) {
            throw new ApiException(413, DuneApiServer.tooLarge(engine.settings().maxCsvBytes()));
        }
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        JsonNode data = request.get("data");
        Uploads.Table table;
        try {
            if (data == null || !data.isTextual() || data.asText().isBlank()) {
                throw new InvalidRequestException(Uploads.CSV_INVALID);
            }
            table = engine.uploads()
                    .uploadCsv(
                            handle(),
                            request.path("table_name").asText(null),
                            data.asText().getBytes(StandardCharsets.UTF_8),
                            request.path("description").asText(""),
                            request.path("is_private").asBoolean(false));
        } catch (InvalidRequestException e) {
            ApiException refused = ApiException.badRequest(e.getMessage());
            refused.rawBody = message(e.getMessage()).toString();
            refused.contentType = "application/json";
            throw refused;
        }
        ex.sendJson(
                200,
                ApiExchange.JSON
                        .createObjectNode()
                        .put("success", true)
                        .put("table_name", table.name())
                        .put("full_name", table.fullName())
                        .put("example_query", "select * from " + table.fullName() + " limit 10"));
    }

    private void clear(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.UPLOAD_CLEAR, null);
        String namespace = path.group(1);
        if (!namespace.equals(handle())) {
            throw new ApiException(
                    401,
                    "You are not authorized to write to namespace '" + namespace + "'. You are "
                            + "allowed to upload into the namespace which is the same as the user or team which your token "
                            + "is associated with.");
        }
        if (!engine.uploads().clear(namespace, path.group(2))) {
            throw ApiException.notFound(NOT_FOUND);
        }
        ex.sendJson(200, message("Table dune." + namespace + "." + path.group(2) + " successfully cleared"));
    }

    private void delete(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.UPLOAD_DELETE, null);
        String table = path.group(1) + "." + path.group(2);
        if (!path.group(1).equals(handle())) {
            throw new ApiException(
                    401,
                    "You are not authorized to delete table " + table + ". If your key belongs "
                            + "to the correct namespace, you need admin privileges to delete.");
        }
        if (!engine.uploads().delete(path.group(1), path.group(2))) {
            throw ApiException.notFound("Table " + table + " not found");
        }
        ex.sendJson(200, message("Table " + table + " successfully deleted"));
    }

    private void list(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.UPLOAD_LIST, null);
        int limit = Math.min(10_000, Math.max(1, number(ex.first("limit"), 50)));
        int offset = Math.max(0, number(ex.first("offset"), 0));
        List<Uploads.Table> all = engine.uploads().list();
        ObjectNode answer = ApiExchange.JSON.createObjectNode();
        ArrayNode tables = answer.putArray("tables");
        for (Uploads.Table t : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
            ObjectNode table = tables.addObject()
                    .put("full_name", t.fullName())
                    .put("is_private", t.isPrivate())
                    .put("table_size_bytes", String.valueOf(t.bytes()))
                    .put("created_at", t.createdAt().toString())
                    .put("updated_at", t.updatedAt().toString())
                    .putNull("purged_at");
            table.putObject("owner").put("handle", t.namespace()).put("type", "user");
            ArrayNode columns = table.putArray("columns");
            t.columns()
                    .forEach(c -> columns.addObject()
                            .put("name", c.name())
                            .put("type", c.type())
                            .put("nullable", c.nullable()));
        }
        if (offset + limit < all.size()) {
            answer.put("next_offset", offset + limit);
        }
        ex.sendJson(200, answer);
    }

    private String handle() {
        return engine.settings().handle();
    }

    private static ObjectNode message(String text) {
        return ApiExchange.JSON.createObjectNode().put("message", text);
    }

    /** A whole-number query parameter, or the fallback when absent. */
    static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid number '" + text + "'");
        }
    }
}
