package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of the account's saved queries ({@code GET /v1/queries}): the body after {@code dune:listQueries}. The next
 * page starts at this page's offset plus its size, while that is below {@code total}.
 *
 * @param queries the queries of the page
 * @param total   how many the account has in all
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueryList(
        @JsonProperty("queries") List<Summary> queries,
        @JsonProperty("total") long total) implements DuneModel {

    /**
     * One query.
     *
     * @param id          its id
     * @param name        its name
     * @param description its description
     * @param owner       its owner's handle
     * @param tags        its tags
     * @param createdAt   when it was created, as Dune writes it
     * @param updatedAt   when it last changed, as Dune writes it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("owner") String owner,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt) {}
}
