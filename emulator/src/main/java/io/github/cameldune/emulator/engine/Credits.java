package io.github.cameldune.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the emulator bills, in Dune's credits, by one documented formula: an execution costs 10 credits on the medium
 * tier (the default) and 20 on large ({@link #prices}), whether it completed, was cancelled or expired; one that failed
 * on its SQL costs nothing (Dune does not charge SQL errors); each megabyte of results read (JSON or CSV) costs
 * {@link Settings#exportCreditsPerMb(int)} credits (20, the Free plan's rate).
 */
public final class Credits {

    /** An execution on the medium tier (or with no tier). */
    public static final int MEDIUM = 10;
    /** An execution on the large tier. */
    public static final int LARGE = 20;

    private final Settings settings;
    private final java.util.function.Supplier<java.util.Collection<Execution>> executions;
    private final AtomicLong exportedBytes = new AtomicLong();
    private volatile long since = Long.MIN_VALUE;
    private volatile int medium = MEDIUM;
    private volatile int large = LARGE;

    Credits(Settings settings, java.util.function.Supplier<java.util.Collection<Execution>> executions) {
        this.settings = settings;
        this.executions = executions;
    }

    /** Credits used since start (or the last reset): every execution created since, at its cost, and the exports. */
    public BigDecimal used() {
        long used = 0;
        for (Execution e : executions.get()) {
            if (e.createdNanos() >= since) {
                used += cost(e.snapshot());
            }
        }
        return BigDecimal.valueOf(used).add(exportCredits(settings.exportCreditsPerMb));
    }

    /** Whether the plan's credit limit is reached: further executes are refused with a 402. */
    public boolean limitReached() {
        int limit = settings.creditLimit;
        return limit > 0 && used().compareTo(BigDecimal.valueOf(limit)) >= 0;
    }

    /** Credits the billing period includes. */
    public int included() {
        return settings.creditsIncluded;
    }

    /** Sets what an execution costs on each tier, e.g. to test a budget; {@link #reset()} restores 10 and 20. */
    public Credits prices(int mediumCredits, int largeCredits) {
        this.medium = mediumCredits;
        this.large = largeCredits;
        return this;
    }

    /** What one execution costs, as its status reports it in {@code execution_cost_credits}. */
    public int cost(Execution.Snapshot s) {
        if (s.state() == ExecutionState.FAILED) {
            return 0;
        }
        return "large".equals(s.performance()) ? large : medium;
    }

    /** Counts the bytes of a page of results sent to a client. */
    public void exported(long bytes) {
        exportedBytes.addAndGet(bytes);
    }

    private BigDecimal exportCredits(int perMb) {
        return BigDecimal.valueOf(exportedBytes.get())
                .multiply(BigDecimal.valueOf(perMb))
                .divide(BigDecimal.valueOf(1_000_000), 4, RoundingMode.HALF_UP);
    }

    /** Forgets the exports and restores the prices (each test starts from zero). */
    void reset() {
        since = System.nanoTime();
        exportedBytes.set(0);
        medium = MEDIUM;
        large = LARGE;
    }
}
