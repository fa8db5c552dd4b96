package io.github.cameldune.dune.exception;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * An execute refused before it was sent, because it would take the component past its credit budget
 * ({@code creditBudget} per {@code creditBudgetWindow}). Nothing was billed; executions already started go on.
 */
public class DuneBudgetExceededException extends DuneException {

    private final BigDecimal budget;
    private final Duration window;
    private final BigDecimal counted;
    private final Instant freesAt;

    /**
     * @param scope   whose budget: {@code component} or {@code endpoint}
     * @param counted the credits counted in the window so far
     * @param freesAt when the oldest credits counted leave the window
     */
    public DuneBudgetExceededException(
            String operation,
            Long queryId,
            String scope,
            BigDecimal budget,
            Duration window,
            BigDecimal counted,
            Instant freesAt) {
        super(
                "Dune " + operation + " refused before sending" + ids(queryId, null) + ": the " + scope
                        + "'s credit budget of "
                        + budget.stripTrailingZeros().toPlainString() + " credits per " + window
                        + " would be exceeded ("
                        + counted.setScale(2, java.math.RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString() + " counted); it frees up from " + freesAt,
                null,
                operation,
                queryId,
                null);
        this.budget = budget;
        this.window = window;
        this.counted = counted;
        this.freesAt = freesAt;
    }

    /** The budget, in credits per window. */
    public BigDecimal getBudget() {
        return budget;
    }

    /** The rolling window of the budget. */
    public Duration getWindow() {
        return window;
    }

    /** The credits counted in the window when the execute was refused. */
    public BigDecimal getCounted() {
        return counted;
    }

    /** When the oldest credits counted leave the window, and executes may start again. */
    public Instant getFreesAt() {
        return freesAt;
    }

    /** True: nothing was sent. */
    @Override
    public boolean isNothingDone() {
        return true;
    }
}
