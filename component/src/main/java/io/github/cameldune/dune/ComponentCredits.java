package io.github.cameldune.dune;

import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.credits.CreditBudget;
import io.github.cameldune.dune.credits.CreditLedger;
import io.github.cameldune.dune.credits.UsageReconciler;
import io.github.cameldune.dune.metrics.DuneMetrics;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A component's figures and books: the metrics its endpoints report to, the credit ledger with the component's
 * budget, its reconciliation against the account's usage and the settling of executions nobody reads. They outlive a
 * stop of the component, so a restart does not forget what was spent in the window.
 */
final class ComponentCredits {

    private final DuneMetrics metrics = new DuneMetrics();
    private CreditLedger ledger;
    private UsageReconciler reconciler;

    DuneMetrics metrics() {
        return metrics;
    }

    /** The ledger, created with the component's options the first time. */
    synchronized CreditLedger ledger(DuneComponent options) {
        if (ledger == null) {
            CreditBudget budget = null;
            if (options.getCreditBudget() > 0) {
                budget = new CreditBudget(
                        "component",
                        BigDecimal.valueOf(options.getCreditBudget()),
                        Duration.ofMillis(options.getCreditBudgetWindow()));
                reconciler = new UsageReconciler(budget);
                gauges(budget);
            }
            ledger = new CreditLedger(metrics, budget, options.getExportCreditsPerMb(), options.getCreditEstimate());
        }
        return ledger;
    }

    private void gauges(CreditBudget b) {
        metrics.gauge(
                "dune.credits.budget",
                "The component's credit budget per window",
                "credits",
                Map.of(),
                () -> b.budget().doubleValue());
        metrics.gauge(
                "dune.credits.budget.remaining",
                "Credits left in the budget's window now",
                "credits",
                Map.of(),
                () -> b.remaining().doubleValue());
        metrics.gauge(
                "dune.credits.budget.reserved",
                "Credits reserved in the budget's window by requests whose cost Dune has not reported yet",
                "credits",
                Map.of(),
                () -> b.reserved().doubleValue());
        metrics.gauge(
                "dune.credits.budget.settled",
                "Credits settled in the budget's window at what Dune charged",
                "credits",
                Map.of(),
                () -> b.settled().doubleValue());
    }

    /** The component's budget, or null (also before the first endpoint started). */
    synchronized CreditBudget budget() {
        return ledger == null ? null : ledger.budget();
    }

    /**
     * Once an endpoint's client is there: reconciles the budget with the account's usage every {@code reconcile}, and
     * settles executions nobody reads every {@code settle} (each 0: never).
     */
    synchronized void start(DuneClient client, ScheduledExecutorService poller, long reconcile, long settle) {
        if (reconciler != null && reconcile > 0) {
            reconciler.start(client, poller, Duration.ofMillis(reconcile));
        }
        if (ledger != null && settle > 0) {
            ledger.startSettling(poller, Duration.ofMillis(settle));
        }
    }

    /** Stops reading usage and statuses; what was counted stays. */
    synchronized void stop() {
        if (reconciler != null) {
            reconciler.stop();
        }
        if (ledger != null) {
            ledger.stopSettling();
        }
    }
}
