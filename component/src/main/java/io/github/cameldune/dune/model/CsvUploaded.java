package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a CSV upload made ({@code POST /v1/uploads/csv}): the body after {@code dune:uploadCsv}.
 *
 * @param success   Dune's flag; a 2xx answer without it is read as a failure, not as {@code false}
 * @param tableName the name Dune gave the table, {@code dataset_<tableName>} since May 2026
 * @param fullName  {@code dune.<namespace>.<table_name>}, when Dune sends it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CsvUploaded(
        @JsonProperty("success") Boolean success,
        @JsonProperty("table_name") String tableName,
        @JsonProperty("full_name") String fullName)
        implements DuneModel {}
