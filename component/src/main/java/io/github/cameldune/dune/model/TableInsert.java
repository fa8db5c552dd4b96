package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an insert wrote ({@code POST /v1/uploads/{namespace}/{table}/insert}): the body after {@code dune:insert}.
 *
 * @param rowsWritten  the rows appended
 * @param bytesWritten the bytes Dune counted
 * @param name         the table, {@code dune.<namespace>.<table_name>}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableInsert(
        @JsonProperty("rows_written") long rowsWritten,
        @JsonProperty("bytes_written") long bytesWritten,
        @JsonProperty("name") String name)
        implements DuneModel {}
