package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A page of the account's uploaded tables ({@code GET /v1/uploads}): the body after {@code dune:listTables}.
 *
 * @param tables     the tables of the page
 * @param nextOffset the offset of the next page, or null on the last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadedTables(
        @JsonProperty("tables") List<Table> tables,
        @JsonProperty("next_offset") Long nextOffset) implements DuneModel {

    /**
     * One uploaded table.
     *
     * @param fullName       {@code dune.<namespace>.<table_name>}
     * @param isPrivate      whether only its owner sees it
     * @param tableSizeBytes its size, which Dune sends as a string
     * @param createdAt      when it was created
     * @param updatedAt      when it last changed
     * @param columns        its columns
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Table(
            @JsonProperty("full_name") String fullName,
            @JsonProperty("is_private") boolean isPrivate,
            @JsonProperty("table_size_bytes") String tableSizeBytes,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("columns") List<TableColumn> columns) {}
}
