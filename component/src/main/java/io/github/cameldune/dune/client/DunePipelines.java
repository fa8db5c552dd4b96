package io.github.cameldune.dune.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.dune.model.Pipeline;
import io.github.cameldune.dune.model.PipelineStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * Dune's pipelines: a query's pipeline (the views it reads, as nodes), its execution, and a pipeline execution's
 * status. An execute starts one billed execution per node and Dune has no way to find it again, so it is never sent
 * twice; a status read reports the nodes' executions to the books.
 */
public final class DunePipelines {

    private final DuneUrls urls;
    private final Sender sender;
    private final CostReport costs;

    DunePipelines(DuneUrls urls, Sender sender, CostReport costs) {
        this.urls = urls;
        this.sender = sender;
        this.costs = costs;
    }

    /**
     * {@code GET /v1/query/{id}/pipeline}: the query's pipeline for these parameter values.
     *
     * @param performance the tier of every node, or null for Dune's default
     */
    public CompletableFuture<Pipeline> get(long queryId, Map<String, ?> parameters, String performance) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (performance != null) {
            query.add(Map.entry("performance", performance));
        }
        if (!parameters.isEmpty()) {
            query.add(Map.entry("query_parameters", Json.write(QueryParameters.toJson(parameters))));
        }
        SimpleHttpRequest http = SimpleRequestBuilder.get(
                        urls.url(List.of("v1", "query", String.valueOf(queryId), "pipeline"), query))
                .build();
        return sender.send(new ApiRequest(DuneCall.GET_PIPELINE, queryId, null, http), answer -> {
            JsonNode pipeline = answer.read(JsonNode.class).get("pipeline");
            answer.require(pipeline != null && pipeline.get("nodes") != null, "pipeline.nodes");
            return Json.MAPPER.convertValue(pipeline, Pipeline.class);
        });
    }

    /**
     * {@code POST /v1/query/{id}/pipeline/execute}: its pipeline execution's id.
     *
     * @param performance every node's tier; Dune requires one, so null sends {@code medium}, its default
     */
    public CompletableFuture<String> execute(long queryId, Map<String, ?> parameters, String performance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("performance", performance == null ? "medium" : performance);
        if (!parameters.isEmpty()) {
            body.put("query_parameters", QueryParameters.toJson(parameters));
        }
        SimpleHttpRequest http = SimpleRequestBuilder.post(
                        urls.url(List.of("v1", "query", String.valueOf(queryId), "pipeline", "execute"), List.of()))
                .setBody(Json.write(body), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(DuneCall.EXECUTE_PIPELINE, queryId, null, http), answer -> {
            JsonNode id = answer.read(JsonNode.class).get("pipeline_execution_id");
            answer.require(id != null && id.isTextual() && !id.asText().isBlank(), "pipeline_execution_id");
            return id.asText();
        });
    }

    /** {@code GET /v1/pipelines/executions/{id}/status}. */
    public CompletableFuture<PipelineStatus> status(String pipelineExecutionId) {
        SimpleHttpRequest http = SimpleRequestBuilder.get(
                        urls.url(List.of("v1", "pipelines", "executions", pipelineExecutionId, "status"), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.PIPELINE_STATUS, null, null, http), answer -> {
            PipelineStatus read = answer.read(PipelineStatus.class);
            answer.require(read.status() != null, "status");
            PipelineStatus status = read.withPipelineExecutionId(pipelineExecutionId);
            costs.pipeline(status);
            return status;
        });
    }
}
