package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The refresh a {@code dune:upsertMaterializedView} or {@code dune:refreshMaterializedView} started: an ordinary
 * execution, followed with {@code dune:status} and read with {@code dune:results} like any other.
 *
 * @param executionId the refresh's execution
 * @param name        the view's full name, {@code dune.<owner>.result_<name>} (Dune's {@code name} after an upsert,
 *                    {@code sql_id} after a refresh)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaterializedViewRefresh(
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("name") @JsonAlias("sql_id") String name) implements DuneModel {}
