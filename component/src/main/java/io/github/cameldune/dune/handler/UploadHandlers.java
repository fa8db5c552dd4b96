package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneUploads;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.TableColumn;
import io.github.cameldune.dune.model.TableInsert;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;
import org.apache.hc.core5.http.ContentType;

/** The handlers of the uploads operations: a table's namespace and name from header or option, then one call each. */
final class UploadHandlers {

    private UploadHandlers() {}

    /** {@code dune:createTable}: the body becomes the created (or existing) table. */
    static OperationHandler createTable(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            String namespace = namespace(in, calls);
            String table = table(in, calls);
            List<TableColumn> schema = schema(in, calls);
            return calls.credits
                    .write(
                            DuneCall.CREATE_TABLE,
                            0,
                            () -> calls.client
                                    .uploads()
                                    .createTable(
                                            namespace,
                                            table,
                                            schema,
                                            calls.config.getTableDescription(),
                                            calls.config.isPrivateTable()))
                    .thenAccept(in::setBody);
        };
    }

    /**
     * {@code dune:insert}: the body's rows appended, in as many requests of at most maxInsertBytes as it takes, one
     * after the other; the body becomes what was written in all. Each request is all or nothing; a failure after some
     * leaves their rows written, which the message's CamelDuneRowsWritten says.
     */
    static OperationHandler insert(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            String namespace = namespace(in, calls);
            String table = table(in, calls);
            Object body = MessageInput.uploadBody(in);
            boolean rows = InsertChunks.isRows(body);
            ContentType type =
                    rows || "ndjson".equals(calls.config.getUploadFormat()) ? DuneUploads.NDJSON : DuneUploads.CSV;
            InsertChunks chunks = InsertChunks.of(body, type == DuneUploads.CSV, calls.config.getMaxInsertBytes());
            if (!chunks.hasNext()) {
                chunks.close();
                throw new DuneInvalidInputException("The insert body has no rows");
            }
            in.setHeader(DuneConstants.ROWS_WRITTEN, 0L);
            in.setHeader(DuneConstants.BYTES_WRITTEN, 0L);
            return send(calls, in, namespace, table, type, chunks, chunks.next(), null)
                    .whenComplete((done, error) -> chunks.close());
        };
    }

    /** Sends one part, counts what it wrote, then reads and sends the next on a worker (reading may block). */
    private static CompletableFuture<Void> send(
            Calls calls,
            Message in,
            String namespace,
            String table,
            ContentType type,
            InsertChunks chunks,
            byte[] part,
            TableInsert before) {
        return calls.credits
                .write(
                        DuneCall.INSERT,
                        part.length,
                        () -> calls.client.uploads().insert(namespace, table, part, type))
                .thenComposeAsync(
                        written -> {
                            TableInsert total = before == null
                                    ? written
                                    : new TableInsert(
                                            before.rowsWritten() + written.rowsWritten(),
                                            before.bytesWritten() + written.bytesWritten(),
                                            written.name());
                            in.setHeader(DuneConstants.ROWS_WRITTEN, total.rowsWritten());
                            in.setHeader(DuneConstants.BYTES_WRITTEN, total.bytesWritten());
                            if (!chunks.hasNext()) {
                                in.setBody(total);
                                return CompletableFuture.completedFuture(null);
                            }
                            return send(calls, in, namespace, table, type, chunks, chunks.next(), total);
                        },
                        calls::onWorker);
    }

    /**
     * {@code dune:uploadCsv}: the whole CSV body in one request (at most maxInsertBytes); the body becomes what Dune
     * made, and CamelDuneTableName the name it gave the table.
     */
    static OperationHandler uploadCsv(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            String table = table(in, calls);
            byte[] csv = InsertChunks.whole(MessageInput.uploadBody(in), calls.config.getMaxInsertBytes());
            return calls.credits
                    .write(
                            DuneCall.UPLOAD_CSV,
                            csv.length,
                            () -> calls.client
                                    .uploads()
                                    .uploadCsv(
                                            table,
                                            csv,
                                            calls.config.getTableDescription(),
                                            calls.config.isPrivateTable()))
                    .thenAccept(uploaded -> {
                        in.setHeader(DuneConstants.TABLE_NAME, uploaded.tableName());
                        in.setHeader(DuneConstants.BYTES_WRITTEN, (long) csv.length);
                        in.setBody(uploaded);
                    });
        };
    }

    /** {@code dune:clearTable}: the body becomes Dune's message. */
    static OperationHandler clearTable(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            return calls.client
                    .uploads()
                    .clearTable(namespace(in, calls), table(in, calls))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:deleteTable}: the body becomes Dune's message. */
    static OperationHandler deleteTable(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            return calls.client
                    .uploads()
                    .deleteTable(namespace(in, calls), table(in, calls))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:listTables}: a page of the account's tables (limit and offset as for results). */
    static OperationHandler listTables(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            Integer limit = calls.config.getLimit();
            Long offset = calls.config.getOffset();
            return calls.client
                    .uploads()
                    .listTables(limit == null ? 50 : limit, offset == null ? 0 : offset.intValue())
                    .thenAccept(in::setBody);
        };
    }

    private static String namespace(Message in, Calls calls) {
        String namespace = in.getHeader(DuneConstants.NAMESPACE, calls.config.getNamespace(), String.class);
        if (namespace == null || namespace.isBlank()) {
            throw new DuneInvalidInputException(
                    "No namespace: set namespace (the handle of the API key's user or team) " + "or the "
                            + DuneConstants.NAMESPACE + " header");
        }
        return namespace.trim();
    }

    private static String table(Message in, Calls calls) {
        String table = in.getHeader(DuneConstants.TABLE_NAME, calls.config.getTableName(), String.class);
        if (table == null || !DuneUploads.TABLE_NAME.matcher(table.trim()).matches()) {
            throw new DuneInvalidInputException("Invalid table name '" + table + "': set tableName or the "
                    + DuneConstants.TABLE_NAME + " header to " + DuneUploads.TABLE_NAME_RULE);
        }
        return table.trim();
    }

    private static List<TableColumn> schema(Message in, Calls calls) {
        if (calls.config.getSchema() != null) {
            return TableColumn.parseSchema("schema", calls.config.getSchema());
        }
        Object body = in.getBody();
        if (body instanceof List<?> list && !list.isEmpty()) {
            return list.stream()
                    .map(c -> c instanceof TableColumn column ? column : Json.MAPPER.convertValue(c, TableColumn.class))
                    .toList();
        }
        if (body instanceof String text && !text.isBlank()) {
            return TableColumn.parseSchema("body", text);
        }
        throw new DuneInvalidInputException("No schema: set schema (e.g. id:integer!,amount:double), or send the "
                + "columns as the body: a List of TableColumn or of maps (name, type, nullable), or text such as "
                + "id:integer!,amount:double");
    }
}
