package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A page of search results ({@code POST /v1/datasets/search} and {@code /search-by-contract}): the body after
 * {@code dune:searchDatasets} and {@code dune:searchDatasetsByContract}.
 *
 * @param total      how many match in all
 * @param results    the results of the page
 * @param pagination where the page is and whether more follow
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetSearchPage(
        @JsonProperty("total") long total,
        @JsonProperty("results") List<Result> results,
        @JsonProperty("pagination") Pagination pagination)
        implements DuneModel {

    /**
     * One result.
     *
     * @param fullName    e.g. {@code uniswap_v3_ethereum.UniswapV3Pool_evt_Swap}
     * @param category    {@code canonical}, {@code decoded}, {@code spell} or {@code community}
     * @param datasetType e.g. {@code decoded_table}
     * @param blockchains the chains it covers
     * @param visibility  {@code public} or {@code private}
     * @param ownerScope  whose it is
     * @param description what it holds
     * @param schema      its columns, when asked ({@code includeSchema})
     * @param metadata    Dune's metadata, when asked ({@code includeMetadata}): contract, ABI type, project, rank
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(
            @JsonProperty("full_name") String fullName,
            @JsonProperty("category") String category,
            @JsonProperty("dataset_type") String datasetType,
            @JsonProperty("blockchains") List<String> blockchains,
            @JsonProperty("visibility") String visibility,
            @JsonProperty("owner_scope") String ownerScope,
            @JsonProperty("description") String description,
            @JsonProperty("schema") List<Dataset.Column> schema,
            @JsonProperty("metadata") Map<String, Object> metadata) {}

    /**
     * Where a page is.
     *
     * @param limit      results per page
     * @param offset     the page's first result
     * @param nextOffset the next page's, or null on the last
     * @param hasMore    whether more follow
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(
            @JsonProperty("limit") Integer limit,
            @JsonProperty("offset") Long offset,
            @JsonProperty("next_offset") Long nextOffset,
            @JsonProperty("has_more") boolean hasMore) {}
}
