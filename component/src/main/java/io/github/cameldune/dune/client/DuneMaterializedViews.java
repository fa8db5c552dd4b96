package io.github.cameldune.dune.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.dune.model.MaterializedView;
import io.github.cameldune.dune.model.MaterializedViewPage;
import io.github.cameldune.dune.model.MaterializedViewRefresh;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * Dune's materialized views ({@code /v1/materialized-views}): upsert by bare name, get, delete and refresh by full
 * name, list a page at a time. An upsert and a refresh each start a billed execution and a delete cannot be told from
 * its repeat, so none of them is sent again after it may have succeeded.
 */
public final class DuneMaterializedViews {

    private final DuneUrls urls;
    private final Sender sender;

    DuneMaterializedViews(DuneUrls urls, Sender sender) {
        this.urls = urls;
        this.sender = sender;
    }

    /**
     * {@code POST /v1/materialized-views}: creates the view of a query, or replaces every setting of it (so a schedule
     * not given is dropped), and refreshes it.
     *
     * @param name           the bare name, {@code result_...}
     * @param cronExpression the schedule, or null for none
     * @param performance    the refresh's tier, or null for the account's default
     * @param expiresAt      when the schedule stops (RFC 3339), or null
     */
    public CompletableFuture<MaterializedViewRefresh> upsert(
            String name, long queryId, String cronExpression, String performance, boolean isPrivate, String expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("query_id", queryId);
        // always sent: Dune's default is not documented
        body.put("is_private", isPrivate);
        putIfSet(body, "cron_expression", cronExpression);
        putIfSet(body, "performance", performance);
        putIfSet(body, "expires_at", expiresAt);
        return refreshing(DuneCall.UPSERT_MATERIALIZED_VIEW, queryId, List.of("v1", "materialized-views"), body);
    }

    /** {@code POST /v1/materialized-views/{fullName}/refresh}: a new execution of the view's query. */
    public CompletableFuture<MaterializedViewRefresh> refresh(String fullName, String performance) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "performance", performance);
        return refreshing(
                DuneCall.REFRESH_MATERIALIZED_VIEW,
                null,
                List.of("v1", "materialized-views", fullName, "refresh"),
                body);
    }

    private CompletableFuture<MaterializedViewRefresh> refreshing(
            DuneCall call, Long queryId, List<String> path, Map<String, Object> body) {
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(path, List.of()))
                .setBody(Json.write(body), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(call, queryId, null, http), answer -> {
            MaterializedViewRefresh refresh = answer.read(MaterializedViewRefresh.class);
            answer.require(refresh.executionId() != null, "execution_id");
            return refresh;
        });
    }

    /** {@code GET /v1/materialized-views/{fullName}}. */
    public CompletableFuture<MaterializedView> get(String fullName) {
        SimpleHttpRequest http = SimpleRequestBuilder.get(
                        urls.url(List.of("v1", "materialized-views", fullName), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.GET_MATERIALIZED_VIEW, null, null, http), answer -> {
            MaterializedView view = answer.read(MaterializedView.class);
            answer.require(view.sqlId() != null, "sql_id");
            return view;
        });
    }

    /**
     * {@code GET /v1/materialized-views}: a page of the account's views.
     *
     * @param limit  views per page, or null for Dune's default
     * @param offset the first view, or null for the first page
     */
    public CompletableFuture<MaterializedViewPage> list(Integer limit, Long offset) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (limit != null) {
            query.add(Map.entry("limit", String.valueOf(limit)));
        }
        if (offset != null) {
            query.add(Map.entry("offset", String.valueOf(offset)));
        }
        SimpleHttpRequest http = SimpleRequestBuilder.get(urls.url(List.of("v1", "materialized-views"), query))
                .build();
        return sender.send(new ApiRequest(DuneCall.LIST_MATERIALIZED_VIEWS, null, null, http), answer -> {
            MaterializedViewPage page = answer.read(MaterializedViewPage.class);
            answer.require(page.materializedViews() != null, "materialized_views");
            return page;
        });
    }

    /** {@code DELETE /v1/materialized-views/{fullName}}: drops the view, its table and its schedule. */
    public CompletableFuture<String> delete(String fullName) {
        SimpleHttpRequest http = SimpleRequestBuilder.delete(
                        urls.url(List.of("v1", "materialized-views", fullName), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.DELETE_MATERIALIZED_VIEW, null, null, http), answer -> {
            JsonNode message = answer.read(JsonNode.class).get("message");
            return message == null ? null : message.asText();
        });
    }

    static void putIfSet(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
