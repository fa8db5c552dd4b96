package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * One page of an execution's result ({@code GET /v1/execution/{id}/results}), with the execution's state. Dune sends
 * each row's keys alphabetically; camel-dune hands rows to routes in the order of {@code result.metadata.column_names}
 * ({@code reading.ReadPath}).
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
            @JsonProperty("rows") List<Map<String, Object>> rows,
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

    /** Whether more pages follow. */
    public boolean hasNextPage() {
        return nextOffset != null || nextUri != null;
    }
}
