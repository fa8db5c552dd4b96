package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The shape and size of a result. In a status it describes the whole result; in a results page, {@code rowCount},
 * {@code resultSetBytes} and {@code datapointCount} describe the page and the {@code total*} fields the whole result.
 * Any field may be missing from older answers.
 *
 * @param columnNames         the columns in result order
 * @param columnTypes         their Dune types, e.g. {@code varchar}, {@code timestamp(3) with time zone}
 * @param rowCount            rows (of the page)
 * @param resultSetBytes      raw bytes (of the page)
 * @param totalRowCount       rows of the whole result
 * @param totalResultSetBytes raw bytes of the whole result
 * @param datapointCount      cells (of the page), what Dune bills
 * @param pendingTimeMillis   time spent queued
 * @param executionTimeMillis time spent running
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultMetadata(
        @JsonProperty("column_names") List<String> columnNames,
        @JsonProperty("column_types") List<String> columnTypes,
        @JsonProperty("row_count") Long rowCount,
        @JsonProperty("result_set_bytes") Long resultSetBytes,
        @JsonProperty("total_row_count") Long totalRowCount,
        @JsonProperty("total_result_set_bytes") Long totalResultSetBytes,
        @JsonProperty("datapoint_count") Long datapointCount,
        @JsonProperty("pending_time_millis") Long pendingTimeMillis,
        @JsonProperty("execution_time_millis") Long executionTimeMillis)
        implements DuneModel {}
