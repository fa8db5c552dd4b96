package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A query's pipeline ({@code GET /v1/query/{id}/pipeline}): the materialized views the query reads, and those they
 * read, each a node to refresh, and last the query itself, every node after the nodes it depends on. The body after
 * {@code dune:getPipeline}.
 *
 * @param nodes the nodes, in Dune's order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pipeline(@JsonProperty("nodes") List<Node> nodes) implements DuneModel {

    /**
     * One node: exactly one of {@code queryExecution} and {@code materializedViewRefresh}.
     *
     * @param id                      its id in the pipeline, which {@code dependencies} name
     * @param dependencies            the nodes that must complete before it starts
     * @param queryExecution          the query it executes, or null
     * @param materializedViewRefresh the view it refreshes, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(
            @JsonProperty("id") int id,
            @JsonProperty("dependencies") List<Integer> dependencies,
            @JsonProperty("query_execution") QueryExecution queryExecution,
            @JsonProperty("materialized_view_refresh") ViewRefresh materializedViewRefresh) {}

    /**
     * A node's query execution.
     *
     * @param queryId         the saved query
     * @param performance     its tier
     * @param queryParameters its parameter values
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueryExecution(
            @JsonProperty("query_id") long queryId,
            @JsonProperty("performance") String performance,
            @JsonProperty("query_parameters") Map<String, Object> queryParameters) {}

    /**
     * A node's refresh of a materialized view.
     *
     * @param name        the view's full name
     * @param performance its tier
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ViewRefresh(
            @JsonProperty("name") String name,
            @JsonProperty("performance") String performance) {}
}
