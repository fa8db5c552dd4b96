package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A table Dune created, or found with the same schema ({@code POST /v1/uploads}): the body after
 * {@code dune:createTable}.
 *
 * @param namespace      the owner's handle
 * @param tableName      the table's name
 * @param fullName       its name in queries, {@code dune.<namespace>.<table_name>}
 * @param exampleQuery   a query over it
 * @param alreadyExisted true when it existed; Dune has sent it unreliably or not at all, so null is not false
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableCreated(
        @JsonProperty("namespace") String namespace,
        @JsonProperty("table_name") String tableName,
        @JsonProperty("full_name") String fullName,
        @JsonProperty("example_query") String exampleQuery,
        @JsonProperty("already_existed") Boolean alreadyExisted)
        implements DuneModel {}
