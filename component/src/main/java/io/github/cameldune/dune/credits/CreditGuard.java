package io.github.cameldune.dune.credits;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.model.ExecutionStatus;
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
