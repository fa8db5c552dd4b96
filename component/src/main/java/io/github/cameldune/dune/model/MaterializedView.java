package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A materialized view ({@code GET /v1/materialized-views/{name}}): the body after {@code dune:getMaterializedView}.
 * A saved query's result kept as the table {@link #sqlId()}, which other queries read.
 *
 * @param sqlId            its full name, {@code dune.<owner>.result_<name>}
 * @param queryId          the query whose result it keeps
 * @param isPrivate        whether only its owner sees it
 * @param tableSizeBytes   the size of its table, which counts against the plan's storage
 * @param lastExecutionIds the executions of its last refreshes, as Dune lists them (null in a list's entries)
 * @param schedule         when Dune refreshes it, or null for no schedule (and in a list's entries)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaterializedView(
        @JsonProperty("sql_id") String sqlId,
        @JsonProperty("query_id") Long queryId,
        @JsonProperty("is_private") boolean isPrivate,
        @JsonProperty("table_size_bytes") Long tableSizeBytes,
        @JsonProperty("last_execution_ids") List<String> lastExecutionIds,
        @JsonProperty("schedule") Schedule schedule)
        implements DuneModel {

    /**
     * A view's refresh schedule.
     *
     * @param cronExpression    five cron fields, in UTC
     * @param performance       the tier of the scheduled refreshes, or null for the account's default
     * @param nextExecutionTime the next refresh, when Dune says
     * @param expiresAt         when the schedule stops, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(
            @JsonProperty("cron_expression") String cronExpression,
            @JsonProperty("performance") String performance,
            @JsonProperty("next_execution_time") Instant nextExecutionTime,
            @JsonProperty("expires_at") String expiresAt) {}
}
