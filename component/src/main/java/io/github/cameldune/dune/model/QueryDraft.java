package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The fields of a saved query that {@code dune:createQuery} sends, or {@code dune:updateQuery} sets: a field left null
 * is not sent, so an update leaves it as it is; an empty list of tags or parameters deletes them (Dune's rule). A body
 * given as a {@code Map} or JSON text with Dune's field names is read into this type first, so a wrong type fails
 * before anything is sent.
 *
 * @param name        the query's name (required to create)
 * @param querySql    its SQL, with {@code {{parameter}}} placeholders (required to create)
 * @param description its description
 * @param parameters  its parameters, one for each placeholder
 * @param tags        its tags
 * @param isPrivate   whether only its owner sees it
 * @param isTemp      whether it is a temporary query: it runs, but is not listed in the account's library and Dune
 *                    deletes it later (create only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryDraft(
        @JsonProperty("name") String name,
        @JsonProperty("query_sql") String querySql,
        @JsonProperty("description") String description,
        @JsonProperty("parameters") List<QueryParameter> parameters,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("is_private") Boolean isPrivate,
        @JsonProperty("is_temp") Boolean isTemp)
        implements DuneModel {

    /** A draft of a saved (not temporary) query. */
    public QueryDraft(
            String name,
            String querySql,
            String description,
            List<QueryParameter> parameters,
            List<String> tags,
            Boolean isPrivate) {
        this(name, querySql, description, parameters, tags, isPrivate, null);
    }

    /** A draft of a new query: its name and SQL, the rest unset. */
    public static QueryDraft of(String name, String querySql) {
        return new QueryDraft(name, querySql, null, null, null, null);
    }

    /** The same draft as a temporary query, to run throwaway SQL without adding it to the account's library. */
    public QueryDraft temporary() {
        return new QueryDraft(name, querySql, description, parameters, tags, isPrivate, true);
    }

    /** This draft, if Dune would take its parameters (see {@link QueryParameter#checked()}). */
    public QueryDraft checked() {
        if (parameters != null) {
            parameters.forEach(QueryParameter::checked);
        }
        return this;
    }

    /** The same draft with these parameters. */
    public QueryDraft withParameters(List<QueryParameter> value) {
        return new QueryDraft(name, querySql, description, value, tags, isPrivate, isTemp);
    }

    /** The same draft with this description. */
    public QueryDraft withDescription(String value) {
        return new QueryDraft(name, querySql, value, parameters, tags, isPrivate, isTemp);
    }

    /** The same draft with these tags. */
    public QueryDraft withTags(List<String> value) {
        return new QueryDraft(name, querySql, description, parameters, value, isPrivate, isTemp);
    }
}
