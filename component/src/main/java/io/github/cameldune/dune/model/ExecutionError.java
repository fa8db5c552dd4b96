package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why an execution failed, as Dune reports it.
 *
 * @param type     e.g. {@code FAILED_TYPE_EXECUTION_FAILED}
 * @param message  Dune's message, e.g. {@code line 1:8: Column 'x' cannot be resolved ...}
 * @param metadata where in the SQL, when Dune knows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionError(
        @JsonProperty("type") String type,
        @JsonProperty("message") String message,
        @JsonProperty("metadata") Location metadata)
        implements DuneModel {

    /**
     * A place in the query text.
     *
     * @param line   1-based line
     * @param column 1-based column
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(
            @JsonProperty("line") Integer line,
            @JsonProperty("column") Integer column) {}

    /** The line, or null. */
    public Integer line() {
        return metadata == null ? null : metadata.line();
    }

    /** The column, or null. */
    public Integer column() {
        return metadata == null ? null : metadata.column();
    }
}
