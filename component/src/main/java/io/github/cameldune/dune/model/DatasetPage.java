package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of Dune's dataset catalog ({@code GET /v1/datasets}): the body after {@code dune:listDatasets}. Dune gives no
 * next offset here: the next page starts at this page's offset plus its limit, while that is below {@code total}.
 *
 * @param datasets the datasets of the page
 * @param total    how many match the filters in all
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetPage(
        @JsonProperty("datasets") List<Dataset> datasets,
        @JsonProperty("total") long total) implements DuneModel {}
