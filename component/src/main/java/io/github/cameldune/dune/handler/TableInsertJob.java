package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneUploads;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.TableInsert;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;
import org.apache.hc.core5.http.ContentType;

/**
 * One {@code dune:insert} of a message: its table, the format of its body and the parts the body is cut into, sent
 * one after the other, each reserved as a write before it goes; what the parts wrote is added up on the message.
 */
final class TableInsertJob {

    private final EndpointContext context;
    private final Message in;
    private final String namespace;
    private final String table;
    private final ContentType type;
    private final InsertChunks chunks;

    /** Reads the message's table and body; bad input fails here, before anything is sent. */
    TableInsertJob(EndpointContext context, Message in) {
        this.context = context;
        this.in = in;
        this.namespace = MessageInput.namespace(in, context.config());
        this.table = MessageInput.tableName(in, context.config());
        Object body = MessageInput.uploadBody(in);
        boolean rows = InsertChunks.isRows(body);
        this.type = rows || "ndjson".equals(context.config().getUploadFormat()) ? DuneUploads.NDJSON : DuneUploads.CSV;
        this.chunks =
                InsertChunks.of(body, type == DuneUploads.CSV, context.config().getMaxInsertBytes());
    }

    /** Sends the parts; completes once every part is written, the body then being what was written in all. */
    CompletableFuture<Void> start() {
        if (!chunks.hasNext()) {
            chunks.close();
            throw new DuneInvalidInputException("The insert body has no rows");
        }
        in.setHeader(DuneConstants.ROWS_WRITTEN, 0L);
        in.setHeader(DuneConstants.BYTES_WRITTEN, 0L);
        return send(chunks.next(), null).whenComplete((done, error) -> chunks.close());
    }

    /** Sends one part, counts what it wrote, then reads and sends the next on a worker (reading may block). */
    private CompletableFuture<Void> send(byte[] part, TableInsert before) {
        return context.credits()
                .write(
                        DuneCall.INSERT,
                        part.length,
                        () -> context.client().uploads().insert(namespace, table, part, type))
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
                            return send(chunks.next(), total);
                        },
                        context::onWorker);
    }
}
