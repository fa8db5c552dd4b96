package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneUploads;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.TableColumn;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Message;
import org.apache.hc.core5.http.ContentType;

/** The handlers of the uploads operations: a table's namespace and name from header or option, then one call each. */
final class UploadHandlers {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private UploadHandlers() {}

    /** {@code dune:createTable}: the body becomes the created (or existing) table. */
    static OperationHandler createTable(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            String namespace = namespace(in, calls);
            String table = table(in, calls);
            List<TableColumn> schema = schema(in, calls);
            return calls.client
                    .uploads()
                    .createTable(
                            namespace, table, schema, calls.config.getTableDescription(), calls.config.isPrivateTable())
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:insert}: the body's rows appended; the body becomes what was written. */
    static OperationHandler insert(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            String namespace = namespace(in, calls);
            String table = table(in, calls);
            Object body = in.getBody();
            byte[] bytes;
            ContentType type;
            if (body instanceof Iterable<?> || body instanceof Iterator<?>) {
                bytes = ndjson(body instanceof Iterable<?> rows ? rows.iterator() : (Iterator<?>) body);
                type = DuneUploads.NDJSON;
            } else {
                bytes = bytes(body);
                type = "ndjson".equals(calls.config.getUploadFormat()) ? DuneUploads.NDJSON : DuneUploads.CSV;
            }
            return calls.client.uploads().insert(namespace, table, bytes, type).thenAccept(written -> {
                in.setHeader(DuneConstants.ROWS_WRITTEN, written.rowsWritten());
                in.setHeader(DuneConstants.BYTES_WRITTEN, written.bytesWritten());
                in.setBody(written);
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
        if (table == null || !TABLE_NAME.matcher(table.trim()).matches()) {
            throw new DuneInvalidInputException("Invalid table name '" + table + "': set tableName or the "
                    + DuneConstants.TABLE_NAME + " header to lowercase letters, digits and underscores, starting "
                    + "with a letter");
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
        throw new DuneInvalidInputException(
                "No schema: set schema (e.g. id:integer!,amount:double) or send the " + "columns as the body");
    }

    private static byte[] ndjson(Iterator<?> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (rows.hasNext()) {
                Json.MAPPER.writeValue(new NonClosing(out), rows.next());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new DuneInvalidInputException("A row cannot be written as JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(Object body) {
        try {
            if (body instanceof byte[] b) {
                return b;
            }
            if (body instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            if (body instanceof InputStream stream) {
                try (stream) {
                    return stream.readAllBytes();
                }
            }
            if (body instanceof File file) {
                return Files.readAllBytes(file.toPath());
            }
            if (body instanceof Path path) {
                return Files.readAllBytes(path);
            }
        } catch (IOException e) {
            throw new DuneInvalidInputException("The insert body cannot be read: " + e.getMessage(), e);
        }
        throw new DuneInvalidInputException(
                "An insert body is a String, byte[], InputStream, File, Path, or a list or " + "iterator of rows, not "
                        + (body == null ? "null" : body.getClass().getName()));
    }

    /** Jackson closes what it writes to; the rows share one buffer. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void close() {}
    }
}
