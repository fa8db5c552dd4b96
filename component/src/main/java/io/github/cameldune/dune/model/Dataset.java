package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset of Dune's catalog ({@code GET /v1/datasets/{slug}}): the body after {@code dune:getDataset}, and each entry
 * of {@code dune:listDatasets}.
 *
 * @param fullName  e.g. {@code dex.trades} or {@code dune.<owner>.<table>}
 * @param type      e.g. {@code spell}, {@code decoded_table}, {@code uploaded_table}, {@code materialized_view}
 * @param owner     who owns it
 * @param columns   its columns
 * @param metadata  Dune's further facts about it, as sent
 * @param isPrivate whether only its owner sees it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dataset(
        @JsonProperty("full_name") String fullName,
        @JsonProperty("type") String type,
        @JsonProperty("owner") Owner owner,
        @JsonProperty("columns") List<Column> columns,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonProperty("is_private") boolean isPrivate,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt)
        implements DuneModel {

    /**
     * A dataset's owner.
     *
     * @param handle the user's or team's handle
     * @param type   {@code user} or {@code team}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(
            @JsonProperty("handle") String handle,
            @JsonProperty("type") String type) {}

    /**
     * A column.
     *
     * @param name     its name
     * @param type     its Dune type, e.g. {@code varbinary}
     * @param nullable whether it may hold nulls
     * @param metadata its description and whether it is a filtering (partition) column, when Dune says
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("nullable") boolean nullable,
            @JsonProperty("metadata") ColumnMetadata metadata) {

        /** Whether filtering on it prunes partitions: the column to filter on to read (and pay for) less. */
        public boolean isFilteringColumn() {
            return metadata != null && metadata.filteringColumn();
        }
    }

    /**
     * What Dune says of a column.
     *
     * @param description     its description
     * @param filteringColumn whether it is a partition column
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColumnMetadata(
            @JsonProperty("description") String description,
            @JsonProperty("filtering_column") boolean filteringColumn) {}
}
