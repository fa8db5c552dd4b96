package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.engine.Credits;
import io.github.cameldune.emulator.engine.Execution;
import io.github.cameldune.emulator.engine.ExecutionState;
import io.github.cameldune.emulator.engine.ResultPage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The JSON shapes of status and results, in one place so the invariants Dune's SDKs check hold everywhere:
 * {@code result_metadata} only when COMPLETED, {@code cancelled_at} only when CANCELLED, {@code queue_position} only
 * when PENDING, {@code error} only when FAILED, {@code submitted_at} always, and {@code is_execution_finished} agreeing
 * with the state.
 */
final class ExecutionJson {

    /** RFC 3339 in UTC with microseconds, as Dune prints its timestamps. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ExecutionJson() {}

    /** The fields status and results share. */
    static void writeCommon(JsonGenerator g, Execution.Snapshot s) throws IOException {
        g.writeStringField("execution_id", s.executionId());
        g.writeNumberField("query_id", s.queryId());
        g.writeBooleanField("is_execution_finished", s.state().isFinished());
        g.writeStringField("state", s.state().wireName());
        writeTime(g, "submitted_at", s.submittedAt());
        writeTime(g, "expires_at", s.expiresAt());
        writeTime(g, "execution_started_at", s.startedAt());
        writeTime(g, "execution_ended_at", s.endedAt());
        if (s.state() == ExecutionState.CANCELLED) {
            writeTime(g, "cancelled_at", s.cancelledAt());
        }
        if (s.state() == ExecutionState.FAILED && s.failure() != null) {
            Execution.Failure f = s.failure();
            g.writeObjectFieldStart("error");
            g.writeStringField("type", f.type());
            g.writeStringField("message", f.message() + " [Execution ID: " + s.executionId() + "]");
            if (f.line() != null) {
                g.writeObjectFieldStart("metadata");
                g.writeNumberField("line", f.line());
                g.writeNumberField("column", f.column() == null ? 1 : f.column());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    /** {@code GET /v1/execution/{id}/status}, with what the execution cost (once it is over). */
    static void writeStatus(JsonGenerator g, Execution.Snapshot s, int queuePosition, int cost) throws IOException {
        g.writeStartObject();
        writeCommon(g, s);
        if (s.state() == ExecutionState.PENDING) {
            g.writeNumberField("queue_position", Math.max(1, queuePosition));
        }
        if (s.state() == ExecutionState.COMPLETED && s.result() != null) {
            Execution.Result r = s.result();
            g.writeObjectFieldStart("result_metadata");
            writeMetadata(
                    g,
                    s,
                    r.columnNames().toArray(String[]::new),
                    r.columnTypes().toArray(String[]::new),
                    r.totalRowCount(),
                    r.totalResultSetBytes(),
                    r.totalRowCount(),
                    r.totalResultSetBytes());
            g.writeEndObject();
        }
        // every end is billed (Dune charges failed executions), cancelled ones too
        if (s.state().isFinished()) {
            g.writeNumberField("execution_cost_credits", cost);
        }
        g.writeEndObject();
    }

    /** {@code GET /v1/execution/{id}/results}: the common fields, a page of rows when there is one, and paging. */
    static void writeResults(JsonGenerator g, Execution.Snapshot s, ResultPage page, String nextUri)
            throws IOException {
        g.writeStartObject();
        writeCommon(g, s);
        if (page != null) {
            String[] names = page.columnNames().toArray(String[]::new);
            // Dune sends each row's keys in alphabetical order; the column order is in metadata.column_names
            Integer[] alphabetical = new Integer[names.length];
            for (int i = 0; i < names.length; i++) {
                alphabetical[i] = i;
            }
            Arrays.sort(alphabetical, Comparator.comparing(i -> names[i]));
            g.writeObjectFieldStart("result");
            g.writeArrayFieldStart("rows");
            for (Object[] row : page.rows()) {
                g.writeStartObject();
                for (int i : alphabetical) {
                    g.writeFieldName(names[i]);
                    g.writeObject(row[i]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("metadata");
            writeMetadata(
                    g,
                    s,
                    names,
                    page.columnTypes().toArray(String[]::new),
                    page.rows().size(),
                    page.resultSetBytes(),
                    page.totalRowCount(),
                    page.totalBytes());
            g.writeEndObject();
            g.writeEndObject();
            if (page.nextOffset() != null) {
                g.writeStringField("next_uri", nextUri);
                g.writeNumberField("next_offset", page.nextOffset());
            }
        }
        g.writeEndObject();
    }

    private static void writeMetadata(
            JsonGenerator g,
            Execution.Snapshot s,
            String[] names,
            String[] types,
            long rowCount,
            long bytes,
            long totalRows,
            long totalBytes)
            throws IOException {
        g.writeArrayFieldStart("column_names");
        for (String n : names) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("column_types");
        for (String t : types) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeNumberField("row_count", rowCount);
        g.writeNumberField("result_set_bytes", bytes);
        g.writeNumberField("total_row_count", totalRows);
        g.writeNumberField("total_result_set_bytes", totalBytes);
        g.writeNumberField("datapoint_count", rowCount * names.length);
        g.writeNumberField("pending_time_millis", s.pendingMillis());
        g.writeNumberField("execution_time_millis", s.executionMillis());
    }

    private static void writeTime(JsonGenerator g, String field, Instant time) throws IOException {
        if (time != null) {
            g.writeStringField(field, TIME.format(time));
        }
    }

    /**
     * {@code POST /v1/usage}: the current billing period (the calendar month, UTC) with the credits used, in Dune's
     * shape (snake_case {@code billing_periods}, whatever Dune's docs example spells).
     */
    static ObjectNode usage(
            ObjectNode request, Credits credits, long bytesUsed, long bytesAllowed, long privateQueries) {
        for (String field : List.of("start_date", "end_date")) {
            JsonNode date = request.get(field);
            if (date != null
                    && !date.isNull()
                    && !(date.isTextual() && date.asText().matches("\\d{4}-\\d{2}-\\d{2}"))) {
                throw ApiException.badRequest("invalid " + field + ": expected YYYY-MM-DD");
            }
        }
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        ObjectNode usage = ApiExchange.JSON.createObjectNode();
        usage.putArray("billing_periods")
                .addObject()
                .put("start_date", month.toString())
                .put("end_date", month.plusMonths(1).toString())
                .put("credits_used", credits.used())
                .put("credits_included", credits.included());
        return usage.put("bytes_allowed", bytesAllowed)
                .put("bytes_used", bytesUsed)
                .put("private_dashboards", 0)
                .put("private_queries", privateQueries);
    }
}
