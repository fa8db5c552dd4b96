package io.github.cameldune.dune.credits;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.Pipeline;
import io.github.cameldune.dune.model.PipelineStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where an endpoint decides to send a billed request: it reserves the request's expected cost in the budgets before
 * anything is sent (or refuses it), sends it, and settles: a write at its price once Dune accepted it, an execution
 * when a status reports its cost. Every billed request of the handlers goes through here.
 */
public final class CreditGuard {

    private final CreditLedger ledger;
    private final CreditBudget endpointBudget;
    private final Function<String, CompletableFuture<ExecutionStatus>> status;

    /**
     * @param endpointBudget the endpoint's own budget, or null
     * @param status         reads an execution's status through the endpoint's client, to settle it
     */
    public CreditGuard(
            CreditLedger ledger,
            CreditBudget endpointBudget,
            Function<String, CompletableFuture<ExecutionStatus>> status) {
        this.ledger = ledger;
        this.endpointBudget = endpointBudget;
        this.status = status;
    }

    /**
     * An execution: reserves what it is expected to cost, sends it, and follows the execution Dune accepted.
     *
     * @param queryId     the saved query, or null for raw SQL
     * @param sql         the raw SQL, or null for a saved query
     * @param tier        the performance tier, or null for Dune's default
     * @param executionId the execution id in the answer
     */
    public <T> CompletableFuture<T> execution(
            DuneCall call,
            Long queryId,
            String sql,
            String tier,
            Supplier<CompletableFuture<T>> send,
            Function<T, String> executionId) {
        Reservation held =
                ledger.reserve(call, queryId, CostEstimates.Key.of(queryId, sql, tier), null, endpointBudget);
        return followed(held, send, executionId);
    }

    /** Sends a request held under a reservation, and follows the execution Dune accepted until its cost is known. */
    private <T> CompletableFuture<T> followed(
            Reservation held, Supplier<CompletableFuture<T>> send, Function<T, String> executionId) {
        return sent(held, send).whenComplete((answer, error) -> {
            if (held == null) {
                return;
            }
            if (error == null) {
                ledger.follow(executionId.apply(answer), held, status);
            } else {
                held.failed(Futures.cause(error));
            }
        });
    }

    /**
     * A materialized view's refresh (or an upsert, which refreshes): reserves what its execution is expected to cost
     * (what the view's last refresh cost, else as for a query never seen) and the write of its table, sends it, and
     * follows the refresh's execution.
     *
     * @param view the view's name, by which its refreshes are remembered
     */
    public <T> CompletableFuture<T> refresh(
            DuneCall call,
            String view,
            String tier,
            Supplier<CompletableFuture<T>> send,
            Function<T, String> executionId) {
        Reservation held = ledger.reserve(
                call, null, CostEstimates.Key.of(null, "materialized view " + view, tier), null, endpointBudget);
        return followed(held, send, executionId);
    }

    /**
     * Whether a budget applies to this endpoint's billed requests: a pipeline's nodes are then read before it is
     * executed, to reserve each.
     */
    public boolean hasBudget() {
        return ledger.hasBudget(endpointBudget);
    }

    /**
     * A pipeline: reserves each node as its own request (a query's execution, a view's refresh) and all of them or
     * none, sends the execute, and follows the pipeline: each node's execution once a status names it, the nodes that
     * never started released when it ends.
     *
     * @param nodes          the pipeline's nodes, as Dune gave them before the execute; empty when no budget applies
     * @param pipelineStatus reads a pipeline's status through the endpoint's client
     */
    public CompletableFuture<String> pipeline(
            List<Pipeline.Node> nodes,
            Supplier<CompletableFuture<String>> send,
            Function<String, CompletableFuture<PipelineStatus>> pipelineStatus) {
        Map<Integer, Reservation> held = new LinkedHashMap<>();
        try {
            for (Pipeline.Node node : nodes) {
                Reservation r = node.queryExecution() != null
                        ? ledger.reserve(
                                DuneCall.EXECUTE_QUERY,
                                node.queryExecution().queryId(),
                                CostEstimates.Key.of(
                                        node.queryExecution().queryId(),
                                        null,
                                        node.queryExecution().performance()),
                                null,
                                endpointBudget)
                        : ledger.reserve(
                                DuneCall.REFRESH_MATERIALIZED_VIEW,
                                null,
                                CostEstimates.Key.of(
                                        null,
                                        "materialized view "
                                                + node.materializedViewRefresh().name(),
                                        node.materializedViewRefresh().performance()),
                                null,
                                endpointBudget);
                if (r != null) {
                    held.put(node.id(), r);
                }
            }
        } catch (RuntimeException refused) {
            held.values().forEach(Reservation::release);
            throw refused;
        }
        CompletableFuture<String> sent;
        try {
            sent = send.get();
        } catch (RuntimeException refused) {
            held.values().forEach(Reservation::release);
            throw refused;
        }
        return sent.whenComplete((id, error) -> {
            if (held.isEmpty()) {
                return;
            }
            if (error == null) {
                ledger.followPipeline(id, held, pipelineStatus, status);
            } else {
                held.values().forEach(r -> r.failed(Futures.cause(error)));
            }
        });
    }

    /** A write of {@code bytes} to a table: reserves its price, sends it, and settles at that price once accepted. */
    public <T> CompletableFuture<T> write(DuneCall call, long bytes, Supplier<CompletableFuture<T>> send) {
        Reservation held = ledger.reserve(call, null, null, Prices.write(bytes), endpointBudget);
        return sent(held, send).whenComplete((answer, error) -> {
            if (held == null) {
                return;
            }
            if (error == null) {
                held.settle(held.expected(), null);
            } else {
                held.failed(Futures.cause(error));
            }
        });
    }

    private static <T> CompletableFuture<T> sent(Reservation held, Supplier<CompletableFuture<T>> send) {
        try {
            return send.get();
        } catch (RuntimeException refused) {
            // refused before anything was sent
            if (held != null) {
                held.release();
            }
            throw refused;
        }
    }

    /** The endpoint's own budget, or null. */
    public CreditBudget endpointBudget() {
        return endpointBudget;
    }
}
