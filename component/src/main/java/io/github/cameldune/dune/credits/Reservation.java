package io.github.cameldune.dune.credits;

import io.github.cameldune.dune.exception.DuneException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The credits one billed request holds in the budgets that apply to it (the component's, the endpoint's), taken with
 * the check before the request was sent. It ends one of three ways: settled at what Dune charged, released when Dune
 * certainly did nothing, or kept at its expected cost when that cannot be known (the answer was lost), until it
 * leaves the window.
 */
final class Reservation {

    /** One budget's entry for the reservation. */
    record Held(CreditBudget budget, CreditBudget.Entry entry) {}

    private final List<Held> held;
    private final BigDecimal expected;
    private final CostEstimates.Key key;
    private final CostEstimates estimates;
    private final BigDecimal surcharge;

    /**
     * @param surcharge what the request costs beyond the execution its status reports: a refresh's write of its table
     */
    Reservation(
            List<Held> held,
            BigDecimal expected,
            CostEstimates.Key key,
            CostEstimates estimates,
            BigDecimal surcharge) {
        this.held = held;
        this.expected = expected;
        this.key = key;
        this.estimates = estimates;
        this.surcharge = surcharge;
    }

    /** What the request was expected to cost: its execution's part, without the surcharge. */
    BigDecimal expected() {
        return expected.subtract(surcharge);
    }

    /**
     * Becomes what Dune charged, and the surcharge; an execution's cost is remembered as what the same query costs
     * next time.
     *
     * @param credits     what Dune charged for the execution, or the execution's expected part when it did not say
     * @param submittedAt when Dune took the request, or null
     */
    void settle(BigDecimal credits, Instant submittedAt) {
        for (Held h : held) {
            h.budget().settle(h.entry(), credits.add(surcharge), submittedAt);
        }
        if (key != null) {
            estimates.cost(key, credits);
        }
    }

    /** The request failed: released when Dune certainly did nothing, otherwise kept at its expected cost. */
    void failed(Throwable error) {
        if (error instanceof DuneException known && known.isNothingDone()) {
            release();
        }
    }

    /** Nothing was billed: the credits are free again. */
    void release() {
        for (Held h : held) {
            h.budget().release(h.entry());
        }
    }

    /** Whether every entry has left its budget's window, where it counts no longer. */
    boolean hasLeftWindow() {
        return held.stream().allMatch(h -> h.budget().hasLeftWindow(h.entry()));
    }
}
