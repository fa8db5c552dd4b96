package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One page of an execution's result ({@code GET /v1/execution/{id}/results}), with the execution's state. Dune sends
 * each row's keys alphabetically; {@link #inColumnOrder} puts them in the order of {@code result.metadata.column_names},
 * as camel-dune hands rows to routes.
 *
 * @param executionId        the execution id
 * @param queryId            the saved query, 0 for raw SQL
 * @param state              the state
 * @param executionFinished  whether the state is terminal, as Dune says
 * @param times                when it was submitted, ran, ended and expires
 * @param error              why it failed
 * @param result             the rows and their metadata, when there is a result
 * @param nextOffset         the offset of the next page, null on the last page
 * @param nextUri            the URL of the next page, null on the last page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultPage(
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("query_id") Long queryId,
        @JsonProperty("state") ExecutionState state,
        @JsonProperty("is_execution_finished") Boolean executionFinished,
        @JsonUnwrapped ExecutionTimes times,
        @JsonProperty("error") ExecutionError error,
        @JsonProperty("result") Result result,
        @JsonProperty("next_offset") Long nextOffset,
        @JsonProperty("next_uri") String nextUri)
        implements DuneModel {

    /**
     * The rows of a page and their metadata.
     *
     * @param rows     each row a map from column name to value
     * @param metadata the shape and size of the page and of the whole result
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(
            @JsonProperty("rows") @JsonDeserialize(using = RowsDeserializer.class)
            List<Map<String, Object>> rows,

            @JsonProperty("metadata") ResultMetadata metadata) {}

    /** When it was submitted, ran, ended and expires; never null. */
    @Override
    public ExecutionTimes times() {
        return times == null ? ExecutionTimes.NONE : times;
    }

    /** The same page holding other rows (every row of a result read to its end), as its last page. */
    public ResultPage withRows(List<Map<String, Object>> rows) {
        return new ResultPage(
                executionId, queryId, state, executionFinished, times, error, new Result(rows, metadata()), null, null);
    }

    /** The page's rows, empty when there is no result. */
    public List<Map<String, Object>> rows() {
        return result == null || result.rows() == null ? List.of() : result.rows();
    }

    /** The result's metadata, or null. */
    public ResultMetadata metadata() {
        return result == null ? null : result.metadata();
    }

    /** Puts every row's keys in column order, in place, one row at a time (so the page is never held twice). */
    public ResultPage inColumnOrder() {
        for (ListIterator<Map<String, Object>> it = rows().listIterator(); it.hasNext(); ) {
            it.set(inColumnOrder(it.next()));
        }
        return this;
    }

    /**
     * One row as a map with its keys in column order, keys that are not columns last: a view of the row's values that
     * copies them into a map of its own only when the route changes it.
     */
    public Map<String, Object> inColumnOrder(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        List<String> columns = metadata() == null ? null : metadata().columnNames();
        RowsDeserializer.CompactRow compact =
                row instanceof RowsDeserializer.CompactRow read ? read : RowsDeserializer.CompactRow.of(row);
        return columns == null ? compact.inOrder(List.of()) : OrderedRow.of(compact, columns);
    }

    /** Whether the rows are read from the answer as they are taken (see {@link #streamed}). */
    @JsonIgnore
    public boolean isStreamed() {
        return result != null && result.rows() instanceof StreamedRows;
    }

    /**
     * Reads a page whose rows are checked and counted now, and read from {@code answer} again, one at a time, as they
     * are taken: for a stream of rows, so that a page's rows never all live at once.
     */
    public static ResultPage streamed(ObjectMapper mapper, Supplier<InputStream> answer) throws IOException {
        try (InputStream in = answer.get()) {
            return mapper.readerFor(ResultPage.class)
                    .withAttribute(RowsDeserializer.STREAMED, answer)
                    .readValue(in);
        }
    }

    /** Whether more pages follow. */
    public boolean hasNextPage() {
        return nextOffset != null || nextUri != null;
    }
}
