package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DataProductRules;
import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneMaterializedViews;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.MaterializedViewPage;
import io.github.cameldune.dune.model.MaterializedViewRefresh;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.camel.Message;

/**
 * The handlers of materialized views: upsert and refresh (each a billed execution, reserved first; with
 * {@code waitForCompletion}, waited for as any execution), get, list, delete. The view's full name and the refresh's
 * execution go on the message.
 */
final class MaterializedViewHandlers {

    /** Views: the next page is Dune's next offset, while there is one. */
    static final ListPages.Kind<MaterializedViewPage> VIEWS = new ListPages.Kind<>() {
        @Override
        public Long next(MaterializedViewPage page, long offset) {
            Long next = page.nextOffset();
            return next == null || next <= 0 || page.materializedViews().isEmpty() ? null : next;
        }

        @Override
        public Long total(MaterializedViewPage page) {
            return null;
        }

        @Override
        public MaterializedViewPage merge(MaterializedViewPage first, MaterializedViewPage rest) {
            return new MaterializedViewPage(
                    DiscoveryHandlers.joined(first.materializedViews(), rest.materializedViews()), null);
        }
    };

    private MaterializedViewHandlers() {}

    /**
     * {@code dune:upsertMaterializedView}: creates or replaces the view of the query (every setting from the options:
     * an upsert replaces them all) and refreshes it.
     */
    static OperationHandler upsert(ExecutionFlow flow) {
        return exchange -> {
            Message in = exchange.getMessage();
            var config = flow.config;
            String name = CatalogInput.view(in, config, true);
            long queryId = MessageInput.queryId(in, config);
            String performance = MessageInput.performance(in, config);
            String cron = config.getCronExpression();
            String expiresAt = config.getExpiresAt();
            DuneMaterializedViews views = flow.context.client().materializedViews();
            return refreshing(
                    flow,
                    in,
                    queryId,
                    DuneCall.UPSERT_MATERIALIZED_VIEW,
                    name,
                    performance,
                    () -> views.upsert(name, queryId, cron, performance, config.isPrivateView(), expiresAt));
        };
    }

    /** {@code dune:refreshMaterializedView}: a new execution of the view's query. */
    static OperationHandler refresh(ExecutionFlow flow) {
        return exchange -> {
            Message in = exchange.getMessage();
            String name = CatalogInput.view(in, flow.config, false);
            String performance = MessageInput.performance(in, flow.config);
            DuneMaterializedViews views = flow.context.client().materializedViews();
            return refreshing(
                    flow,
                    in,
                    null,
                    DuneCall.REFRESH_MATERIALIZED_VIEW,
                    DataProductRules.bareViewName("materializedView", name),
                    performance,
                    () -> views.refresh(name, performance));
        };
    }

    /**
     * Sends an upsert or refresh under its reservation; the message gets the view's full name and the refresh's
     * execution, and, with waitForCompletion, the refresh's end (failing typed unless it completed).
     */
    private static CompletableFuture<Void> refreshing(
            ExecutionFlow flow,
            Message in,
            Long queryId,
            DuneCall call,
            String view,
            String performance,
            Supplier<CompletableFuture<MaterializedViewRefresh>> send) {
        return flow.context
                .credits()
                .refresh(call, view, performance, send, MaterializedViewRefresh::executionId)
                .thenCompose(refresh -> {
                    if (refresh.name() != null) {
                        in.setHeader(DuneConstants.MATERIALIZED_VIEW, refresh.name());
                    }
                    in.setBody(refresh);
                    DuneExecution execution = new DuneExecution(refresh.executionId(), null);
                    if (!flow.config.isWaitForCompletion()) {
                        OutputHeaders.executionId(in, refresh.executionId());
                        return CompletableFuture.completedFuture(null);
                    }
                    return flow.awaitEnd(in, execution, queryId).thenAccept(status -> in.setBody(refresh));
                });
    }

    /** {@code dune:getMaterializedView}: the body becomes the view. */
    static OperationHandler get(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .materializedViews()
                    .get(CatalogInput.view(in, context.config(), false))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:listMaterializedViews}: the body becomes a {@link MaterializedViewPage}. */
    static OperationHandler list(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            Integer limit = CatalogInput.limit(in, context.config());
            return ListPages.read(
                    in,
                    DuneCall.LIST_MATERIALIZED_VIEWS,
                    context.config().isFetchAll(),
                    CatalogInput.offset(in, context.config()),
                    offset -> context.client().materializedViews().list(limit, offset),
                    VIEWS);
        };
    }

    /** {@code dune:deleteMaterializedView}: the body becomes Dune's message. */
    static OperationHandler delete(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            String name = CatalogInput.view(in, context.config(), false);
            return context.client().materializedViews().delete(name).thenAccept(message -> {
                in.setHeader(DuneConstants.MATERIALIZED_VIEW, name);
                in.setBody(message);
            });
        };
    }
}
