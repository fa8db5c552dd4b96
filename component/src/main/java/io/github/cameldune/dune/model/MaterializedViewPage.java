package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of the account's materialized views ({@code GET /v1/materialized-views}): the body after
 * {@code dune:listMaterializedViews}.
 *
 * @param materializedViews the views of the page (name, query, privacy, size)
 * @param nextOffset        the offset of the next page, or null (or 0) on the last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaterializedViewPage(
        @JsonProperty("materialized_views") List<MaterializedView> materializedViews,
        @JsonProperty("next_offset") Long nextOffset)
        implements DuneModel {}
