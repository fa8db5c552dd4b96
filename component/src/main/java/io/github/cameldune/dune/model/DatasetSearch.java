package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code dune:searchDatasets} asks ({@code POST /v1/datasets/search}); a field left null is not sent. Built from
 * the endpoint's options and headers, or given as the body.
 *
 * @param query           what to look for, in words; {@code *} browses
 * @param categories      {@code canonical}, {@code decoded}, {@code spell}, {@code community}
 * @param blockchains     chains, e.g. {@code ethereum}
 * @param datasetTypes    e.g. {@code spell}, {@code decoded_table}, {@code uploaded_table}
 * @param schemas         schemas, e.g. {@code dex}
 * @param ownerScope      {@code all} (Dune's default), {@code me} or {@code team}
 * @param includePrivate  whether private datasets are searched too
 * @param includeSchema   whether each result carries its columns
 * @param includeMetadata whether each result carries Dune's metadata (page rank, contract, project)
 * @param limit           results per page
 * @param offset          the first result, 0-based
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSearch(
        @JsonProperty("query") String query,
        @JsonProperty("categories") List<String> categories,
        @JsonProperty("blockchains") List<String> blockchains,
        @JsonProperty("dataset_types") List<String> datasetTypes,
        @JsonProperty("schemas") List<String> schemas,
        @JsonProperty("owner_scope") String ownerScope,
        @JsonProperty("include_private") Boolean includePrivate,
        @JsonProperty("include_schema") Boolean includeSchema,
        @JsonProperty("include_metadata") Boolean includeMetadata,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("offset") Long offset)
        implements DuneModel {

    /** The same search from another offset. */
    public DatasetSearch withOffset(long value) {
        return new DatasetSearch(
                query,
                categories,
                blockchains,
                datasetTypes,
                schemas,
                ownerScope,
                includePrivate,
                includeSchema,
                includeMetadata,
                limit,
                value);
    }
}
