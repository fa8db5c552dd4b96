package io.github.cameldune.dune;

import io.github.cameldune.dune.client.CreditBudget;
import io.github.cameldune.dune.client.CreditLedger;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.metrics.DuneMetrics;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A component's figures and credits: the metrics its endpoints report to, the ledger of credits spent and the budget
 * with its reconciliation against the account's usage. They outlive a stop of the component, so a restart does not
 * forget what was spent in the window.
 */
final class ComponentCredits {

    private final DuneMetrics metrics = new DuneMetrics();
    private CreditLedger ledger;

    DuneMetrics metrics() {
        return metrics;
    }

    /** The ledger, created with the component's options the first time. */
    synchronized CreditLedger ledger(double creditBudget, long window, double exportCreditsPerMb) {
        if (ledger == null) {
            CreditBudget budget = null;
            if (creditBudget > 0) {
                budget = new CreditBudget("component", BigDecimal.valueOf(creditBudget), Duration.ofMillis(window));
                CreditBudget b = budget;
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
            }
            ledger = new CreditLedger(metrics, budget, exportCreditsPerMb);
        }
        return ledger;
    }

    /** The component's budget, or null (also before the first endpoint started). */
    synchronized CreditBudget budget() {
        return ledger == null ? null : ledger.budget();
    }

    /** Starts reconciling the budget with the account's usage through an endpoint's client, once. */
    void reconcile(DuneClient client, ScheduledExecutorService poller, long interval) {
        CreditBudget budget = budget();
        if (budget != null && interval > 0) {
            budget.reconcileEvery(client, poller, Duration.ofMillis(interval));
        }
    }

    /** Stops reconciling; what was counted stays. */
    void stop() {
        CreditBudget budget = budget();
        if (budget != null) {
            budget.stopReconciling();
        }
    }
}
