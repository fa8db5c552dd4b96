package io.github.cameldune.dune.client;

import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.model.ExecutionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A component's credits: each finished execution's {@code execution_cost_credits}, counted once however often its
 * status is read, and an estimate of export credits from the bytes of results read at the plan's rate per megabyte.
 * What it counts goes to the metrics and to the component's budget, when there is one.
 */
public final class CreditLedger {

    private static final int REMEMBERED = 10_000;
    private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1_000_000);

    private final DuneMetrics metrics;
    private final CreditBudget budget;
    private final BigDecimal exportCreditsPerMb;
    private final Set<String> counted = new LinkedHashSet<>();

    /**
     * @param budget             the component's budget, or null for none
     * @param exportCreditsPerMb the plan's export rate (Free 20, Analyst 10, Plus 2)
     */
    public CreditLedger(DuneMetrics metrics, CreditBudget budget, double exportCreditsPerMb) {
        this.metrics = metrics;
        this.budget = budget;
        this.exportCreditsPerMb = BigDecimal.valueOf(exportCreditsPerMb);
    }

    /** Counts a status's credits the first time Dune reports them; returns those credits, or null if not now. */
    BigDecimal execution(ExecutionStatus status) {
        BigDecimal credits = status.executionCostCredits();
        if (credits == null || status.executionId() == null) {
            return null;
        }
        synchronized (counted) {
            if (!counted.add(status.executionId())) {
                return null;
            }
            if (counted.size() > REMEMBERED) {
                counted.remove(counted.iterator().next());
            }
        }
        metrics.credits("execution", credits);
        if (budget != null) {
            budget.add(credits, status.queryId(), status.times().submittedAt());
        }
        return credits;
    }

    /** Counts the export credits of an answer of results of {@code bytes}; returns the estimate. */
    BigDecimal exported(long bytes) {
        metrics.resultBytes(bytes);
        BigDecimal credits =
                BigDecimal.valueOf(bytes).multiply(exportCreditsPerMb).divide(MEGABYTE, 6, RoundingMode.HALF_UP);
        if (credits.signum() > 0) {
            metrics.credits("export", credits);
            if (budget != null) {
                budget.add(credits, null);
            }
        }
        return credits;
    }

    /** Counts a write of {@code bytes} to an uploaded table: 3 credits per GB, at least 1; returns the credits. */
    BigDecimal written(long bytes) {
        BigDecimal credits = BigDecimal.valueOf(bytes)
                .multiply(BigDecimal.valueOf(3))
                .divide(BigDecimal.valueOf(1_000_000_000L), 6, RoundingMode.HALF_UP)
                .max(BigDecimal.ONE);
        metrics.credits("write", credits);
        if (budget != null) {
            budget.add(credits, null);
        }
        return credits;
    }

    /** The component's budget, or null. */
    public CreditBudget budget() {
        return budget;
    }
}
