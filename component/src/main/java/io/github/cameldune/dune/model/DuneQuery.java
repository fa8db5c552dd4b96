package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A saved query as Dune manages it ({@code GET /v1/query/{id}}): the body after {@code dune:getQuery}.
 *
 * @param queryId     its id
 * @param name        its name
 * @param description its description
 * @param tags        its tags
 * @param version     its version, one more at each update
 * @param parameters  its parameters, each a {@link QueryParameter}
 * @param queryEngine the engine it runs on
 * @param querySql    its SQL, with {@code {{parameter}}} placeholders
 * @param isPrivate   whether only its owner sees it
 * @param isArchived  whether it is archived: then Dune neither executes nor edits it
 * @param isUnsaved   whether it is unsaved (a temporary query is)
 * @param isTemp      whether it is a temporary query
 * @param owner       the handle of its owner
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DuneQuery(
        @JsonProperty("query_id") long queryId,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("version") int version,
        @JsonProperty("parameters") List<QueryParameter> parameters,
        @JsonProperty("query_engine") String queryEngine,
        @JsonProperty("query_sql") String querySql,
        @JsonProperty("is_private") boolean isPrivate,
        @JsonProperty("is_archived") boolean isArchived,
        @JsonProperty("is_unsaved") boolean isUnsaved,
        @JsonProperty("is_temp") boolean isTemp,
        @JsonProperty("owner") String owner)
        implements DuneModel {}
