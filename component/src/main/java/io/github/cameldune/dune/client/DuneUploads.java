package io.github.cameldune.dune.client;

import io.github.cameldune.dune.model.CsvUploaded;
import io.github.cameldune.dune.model.TableColumn;
import io.github.cameldune.dune.model.TableCreated;
import io.github.cameldune.dune.model.TableInsert;
import io.github.cameldune.dune.model.UploadedTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * Dune's uploads endpoints ({@code /v1/uploads}): tables of the account's own data, created with a schema, filled by
 * inserts, made from one CSV, cleared, deleted, listed. An insert is a write: billed, not idempotent, and never sent again after it may
 * have succeeded.
 */
public final class DuneUploads {

    /** CSV, as Dune takes it. */
    public static final ContentType CSV = ContentType.create("text/csv", "UTF-8");
    /** Newline-delimited JSON, one object a row. */
    public static final ContentType NDJSON = ContentType.create("application/x-ndjson", "UTF-8");
    /** A table's name as Dune takes it; {@link #TABLE_NAME_RULE} says it in words. */
    public static final java.util.regex.Pattern TABLE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
    /** The rule of {@link #TABLE_NAME}, for error messages. */
    public static final String TABLE_NAME_RULE = "lowercase letters, digits and underscores, starting with a letter";

    private final DuneUrls urls;
    private final Sender sender;
    private final CostReport costs;

    DuneUploads(DuneUrls urls, Sender sender, CostReport costs) {
        this.urls = urls;
        this.sender = sender;
        this.costs = costs;
    }

    /** {@code POST /v1/uploads}: an empty table, or the one that exists with the same schema. */
    public CompletableFuture<TableCreated> createTable(
            String namespace, String tableName, List<TableColumn> schema, String description, boolean isPrivate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("namespace", namespace);
        body.put("table_name", tableName);
        body.put("schema", schema);
        body.put("description", description == null ? "" : description);
        body.put("is_private", isPrivate);
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(List.of("v1", "uploads"), List.of()))
                .setBody(Json.write(body), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(DuneCall.CREATE_TABLE, null, null, http), answer -> {
            TableCreated created = answer.read(TableCreated.class);
            answer.require(created.fullName() != null, "full_name");
            costs.written(0);
            return created;
        });
    }

    /** {@code POST /v1/uploads/{namespace}/{table}/insert}: appends the rows of a CSV or NDJSON body, all or none. */
    public CompletableFuture<TableInsert> insert(String namespace, String tableName, byte[] body, ContentType type) {
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(table(namespace, tableName, "insert"), List.of()))
                .setBody(body, type)
                .build();
        return sender.send(new ApiRequest(DuneCall.INSERT, null, null, http), answer -> {
            TableInsert written = answer.read(TableInsert.class);
            costs.written(body.length);
            return written;
        });
    }

    /**
     * {@code POST /v1/uploads/csv}: makes or replaces {@code dataset_<tableName>} in the key's namespace from one
     * CSV, its types inferred.
     */
    public CompletableFuture<CsvUploaded> uploadCsv(
            String tableName, byte[] csv, String description, boolean isPrivate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("table_name", tableName);
        body.put("data", new String(csv, java.nio.charset.StandardCharsets.UTF_8));
        body.put("description", description == null ? "" : description);
        body.put("is_private", isPrivate);
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(List.of("v1", "uploads", "csv"), List.of()))
                .setBody(Json.write(body), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(DuneCall.UPLOAD_CSV, null, null, http), answer -> {
            CsvUploaded uploaded = answer.read(CsvUploaded.class);
            // the official clients read a missing success as false and go on; a table not made is not a success
            answer.require(
                    Boolean.TRUE.equals(uploaded.success()) && uploaded.tableName() != null,
                    "success true and table_name");
            costs.written(csv.length);
            return uploaded;
        });
    }

    /** {@code POST /v1/uploads/{namespace}/{table}/clear}: removes every row; Dune's message. */
    public CompletableFuture<String> clearTable(String namespace, String tableName) {
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(table(namespace, tableName, "clear"), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.CLEAR_TABLE, null, null, http), DuneUploads::message);
    }

    /** {@code DELETE /v1/uploads/{namespace}/{table}}: drops the table; Dune's message. */
    public CompletableFuture<String> deleteTable(String namespace, String tableName) {
        SimpleHttpRequest http = SimpleRequestBuilder.delete(urls.url(table(namespace, tableName, null), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.DELETE_TABLE, null, null, http), DuneUploads::message);
    }

    /** {@code GET /v1/uploads}: a page of the account's tables. Free. */
    public CompletableFuture<UploadedTables> listTables(int limit, int offset) {
        SimpleHttpRequest http = SimpleRequestBuilder.get(urls.url(
                        List.of("v1", "uploads"),
                        List.of(
                                Map.entry("limit", String.valueOf(limit)),
                                Map.entry("offset", String.valueOf(offset)))))
                .build();
        return sender.send(
                new ApiRequest(DuneCall.LIST_TABLES, null, null, http), answer -> answer.read(UploadedTables.class));
    }

    private static String message(ApiResponse answer) {
        return answer.read(com.fasterxml.jackson.databind.JsonNode.class)
                .path("message")
                .asText("");
    }

    private static List<String> table(String namespace, String tableName, String action) {
        return action == null
                ? List.of("v1", "uploads", namespace, tableName)
                : List.of("v1", "uploads", namespace, tableName, action);
    }
}
