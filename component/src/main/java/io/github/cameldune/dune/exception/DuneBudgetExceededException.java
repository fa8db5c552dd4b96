package io.github.cameldune.dune.exception;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * A billed request (an execution, a write) refused before it was sent, because its expected cost would take a credit
 * budget ({@code creditBudget} per {@code creditBudgetWindow}) past its limit. Nothing was billed; executions already
 * started go on.
 */
public class DuneBudgetExceededException extends DuneException {

    private final String scope;
    private final BigDecimal budget;
    private final Duration window;
    private final BigDecimal counted;
    private final BigDecimal reserved;
    private final BigDecimal expected;
    private final Instant freesAt;

    /**
     * @param scope    whose budget: {@code component} or {@code endpoint}
     * @param counted  the credits settled and reconciled in the window so far
     * @param reserved the credits held in the window by requests whose cost Dune has not reported yet
     * @param expected what the refused request was expected to cost
     * @param freesAt  when enough of the window frees up for it, if nothing else is spent meanwhile
     */
    public DuneBudgetExceededException(
            String operation,
            Long queryId,
            String scope,
            BigDecimal budget,
            Duration window,
            BigDecimal counted,
            BigDecimal reserved,
            BigDecimal expected,
            Instant freesAt) {
        super(
                "Dune " + operation + " refused before sending" + ids(queryId, null) + ": the " + scope
                        + "'s credit budget of " + plain(budget) + " credits per " + window + " would be exceeded ("
                        + plain(counted) + " counted"
                        + (reserved.signum() > 0 ? ", " + plain(reserved) + " reserved" : "")
                        + ") by the " + plain(expected) + " credits it is expected to cost; it frees up from "
                        + freesAt,
                null,
                operation,
                queryId,
                null);
        this.scope = scope;
        this.budget = budget;
        this.window = window;
        this.counted = counted;
        this.reserved = reserved;
        this.expected = expected;
        this.freesAt = freesAt;
    }

    private static String plain(BigDecimal credits) {
        return credits.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Whose budget refused: {@code component} or {@code endpoint}. */
    public String getScope() {
        return scope;
    }

    /** The budget, in credits per window. */
    public BigDecimal getBudget() {
        return budget;
    }

    /** The rolling window of the budget. */
    public Duration getWindow() {
        return window;
    }

    /** The credits settled and reconciled in the window when the request was refused. */
    public BigDecimal getCounted() {
        return counted;
    }

    /** The credits reserved in the window by requests whose cost Dune had not reported yet. */
    public BigDecimal getReserved() {
        return reserved;
    }

    /** What the refused request was expected to cost. */
    public BigDecimal getExpected() {
        return expected;
    }

    /** When enough of the window frees up for the request, if nothing else is spent meanwhile. */
    public Instant getFreesAt() {
        return freesAt;
    }

    /** True: nothing was sent. */
    @Override
    public boolean isNothingDone() {
        return true;
    }
}
