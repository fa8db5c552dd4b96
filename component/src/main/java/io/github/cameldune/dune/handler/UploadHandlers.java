package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.model.TableColumn;
import java.util.List;
import org.apache.camel.Message;

/** The handlers of the uploads operations: a table's namespace and name from header or option, then one call each. */
final class UploadHandlers {

    private UploadHandlers() {}

    /** {@code dune:createTable}: the body becomes the created (or existing) table. */
    static OperationHandler createTable(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            String namespace = MessageInput.namespace(in, context.config());
            String table = MessageInput.tableName(in, context.config());
            List<TableColumn> schema = MessageInput.schema(in, context.config());
            return context.credits()
                    .write(
                            DuneCall.CREATE_TABLE,
                            0,
                            () -> context.client()
                                    .uploads()
                                    .createTable(
                                            namespace,
                                            table,
                                            schema,
                                            context.config().getTableDescription(),
                                            context.config().isPrivateTable()))
                    .thenAccept(in::setBody);
        };
    }

    /**
     * {@code dune:insert}: the body's rows appended, in as many requests of at most maxInsertBytes as it takes, one
     * after the other; the body becomes what was written in all. Each request is all or nothing; a failure after some
     * leaves their rows written, which the message's CamelDuneRowsWritten says.
     */
    static OperationHandler insert(EndpointContext context) {
        return exchange -> new TableInsertJob(context, exchange.getMessage()).start();
    }

    /**
     * {@code dune:uploadCsv}: the whole CSV body in one request (at most maxInsertBytes); the body becomes what Dune
     * made, and CamelDuneTableName the name it gave the table.
     */
    static OperationHandler uploadCsv(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            String table = MessageInput.tableName(in, context.config());
            byte[] csv = InsertChunks.whole(
                    MessageInput.uploadBody(in), context.config().getMaxInsertBytes());
            return context.credits()
                    .write(
                            DuneCall.UPLOAD_CSV,
                            csv.length,
                            () -> context.client()
                                    .uploads()
                                    .uploadCsv(
                                            table,
                                            csv,
                                            context.config().getTableDescription(),
                                            context.config().isPrivateTable()))
                    .thenAccept(uploaded -> {
                        in.setHeader(DuneConstants.TABLE_NAME, uploaded.tableName());
                        in.setHeader(DuneConstants.BYTES_WRITTEN, (long) csv.length);
                        in.setBody(uploaded);
                    });
        };
    }

    /** {@code dune:clearTable}: the body becomes Dune's message. */
    static OperationHandler clearTable(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .uploads()
                    .clearTable(
                            MessageInput.namespace(in, context.config()), MessageInput.tableName(in, context.config()))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:deleteTable}: the body becomes Dune's message. */
    static OperationHandler deleteTable(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .uploads()
                    .deleteTable(
                            MessageInput.namespace(in, context.config()), MessageInput.tableName(in, context.config()))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:listTables}: a page of the account's tables (limit and offset as for results). */
    static OperationHandler listTables(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            Integer limit = context.config().getLimit();
            Long offset = context.config().getOffset();
            return context.client()
                    .uploads()
                    .listTables(limit == null ? 50 : limit, offset == null ? 0 : offset.intValue())
                    .thenAccept(in::setBody);
        };
    }
}
