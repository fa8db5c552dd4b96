package io.github.cameldune.dune.credits;

import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.model.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a budget with the account's usage ({@code POST /v1/usage}, free): now, for the baseline, then every
 * {@code creditReconcileInterval}, so that what other replicas and tools spend counts against it. A failed read is
 * logged and the budget goes on with what it counted.
 */
public final class UsageReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(UsageReconciler.class);

    private final CreditBudget budget;
    private ScheduledFuture<?> reconciling;

    /** A reconciler of one budget. */
    public UsageReconciler(CreditBudget budget) {
        this.budget = budget;
    }

    /** Reads the usage through {@code client} now and then every {@code period}; once. */
    public synchronized void start(DuneClient client, ScheduledExecutorService scheduler, Duration period) {
        if (reconciling != null || period.isZero()) {
            return;
        }
        try {
            reconciling =
                    scheduler.scheduleWithFixedDelay(() -> read(client), 0, period.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the component is stopping
        }
    }

    private void read(DuneClient client) {
        Instant sent = Clock.systemUTC().instant();
        client.usage(null, null).whenComplete((usage, error) -> {
            if (error != null) {
                LOG.warn(
                        "Dune usage for the credit budget failed; counting on without it: {}",
                        Futures.cause(error).getMessage());
            } else if (!usage.billingPeriods().isEmpty()) {
                Usage.BillingPeriod current = usage.billingPeriods().get(0);
                if (current.creditsUsed() != null) {
                    budget.reconcile(current.creditsUsed(), sent);
                }
            }
        });
    }

    /** Stops reading; what was counted stays. */
    public synchronized void stop() {
        if (reconciling != null) {
            reconciling.cancel(false);
            reconciling = null;
        }
    }
}
