package io.github.cameldune.dune.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.dune.model.DuneQuery;
import io.github.cameldune.dune.model.QueryDraft;
import io.github.cameldune.dune.model.QueryList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * Dune's query management ({@code /v1/query}): create, read, list, update, archive and unarchive, private and public. Free;
 * a create makes a new query each time it is sent, so it is never sent again after it may have succeeded.
 */
public final class DuneQueries {

    private final DuneUrls urls;
    private final Sender sender;

    DuneQueries(DuneUrls urls, Sender sender) {
        this.urls = urls;
        this.sender = sender;
    }

    /** {@code POST /v1/query}: a new query from the draft's fields; its id. */
    public CompletableFuture<Long> createQuery(QueryDraft fields) {
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(List.of("v1", "query"), List.of()))
                .setBody(Json.write(fields), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(DuneCall.CREATE_QUERY, null, null, http), DuneQueries::queryId);
    }

    /** {@code GET /v1/query/{id}}. */
    public CompletableFuture<DuneQuery> getQuery(long queryId) {
        SimpleHttpRequest http = SimpleRequestBuilder.get(urls.url(path(queryId, null), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.GET_QUERY, queryId, null, http), answer -> {
            DuneQuery query = answer.read(DuneQuery.class);
            answer.require(query.queryId() == queryId && query.querySql() != null, "query_id or query_sql");
            return query;
        });
    }

    /** {@code PATCH /v1/query/{id}}: the draft's non-null fields set, the others untouched; a new version. */
    public CompletableFuture<Long> updateQuery(long queryId, QueryDraft fields) {
        SimpleHttpRequest http = SimpleRequestBuilder.patch(urls.url(path(queryId, null), List.of()))
                .setBody(Json.write(fields), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(DuneCall.UPDATE_QUERY, queryId, null, http), DuneQueries::queryId);
    }

    /**
     * One of {@code POST /v1/query/{id}/archive}, {@code /unarchive}, {@code /private}, {@code /unprivate}.
     *
     * @param call {@link DuneCall#ARCHIVE_QUERY}, {@link DuneCall#UNARCHIVE_QUERY}, {@link DuneCall#MAKE_PRIVATE} or
     *             {@link DuneCall#MAKE_PUBLIC}
     */
    public CompletableFuture<Long> setState(long queryId, DuneCall call) {
        String action = switch (call) {
            case ARCHIVE_QUERY -> "archive";
            case UNARCHIVE_QUERY -> "unarchive";
            case MAKE_PRIVATE -> "private";
            case MAKE_PUBLIC -> "unprivate";
            default -> throw new IllegalArgumentException(call + " is not a change of a query's state");
        };
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(path(queryId, action), List.of()))
                .build();
        return sender.send(new ApiRequest(call, queryId, null, http), DuneQueries::queryId);
    }

    /**
     * {@code GET /v1/queries}: a page of the account's queries.
     *
     * @param limit  queries per page, or null for Dune's 20
     * @param offset the first query, or null
     */
    public CompletableFuture<QueryList> listQueries(Integer limit, Long offset) {
        List<java.util.Map.Entry<String, String>> query = new java.util.ArrayList<>();
        if (limit != null) {
            query.add(java.util.Map.entry("limit", String.valueOf(limit)));
        }
        if (offset != null) {
            query.add(java.util.Map.entry("offset", String.valueOf(offset)));
        }
        SimpleHttpRequest http = SimpleRequestBuilder.get(urls.url(List.of("v1", "queries"), query))
                .build();
        return sender.send(new ApiRequest(DuneCall.LIST_QUERIES, null, null, http), answer -> {
            QueryList page = answer.read(QueryList.class);
            answer.require(page.queries() != null, "queries");
            return page;
        });
    }

    private static long queryId(ApiResponse answer) {
        JsonNode id = answer.read(JsonNode.class).get("query_id");
        answer.require(id != null && id.canConvertToLong(), "query_id");
        return id.asLong();
    }

    private static List<String> path(long queryId, String action) {
        return action == null
                ? List.of("v1", "query", String.valueOf(queryId))
                : List.of("v1", "query", String.valueOf(queryId), action);
    }
}
