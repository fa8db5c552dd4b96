package io.github.cameldune.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the emulator bills, in Dune's credits, by one documented formula. An execution costs its tier's base price
 * plus its tier's price per second for each second, or part of one, it ran ({@link Settings#executionCredits}: 10 on
 * medium, the default tier, and 20 on large, 0 per second, by default), whatever its end: completed, failed, cancelled
 * or expired (Dune charges failed executions); a cancelled one that never started costs its base price. Each megabyte
 * of results read (JSON or CSV) costs {@link Settings#exportCreditsPerMb(int)} credits (20, the Free plan's rate).
 * Each write to an uploaded table (a table created, an insert, a CSV upload) costs 3 credits per GB written, at least
 * 1, as Dune documents.
 */
public final class Credits {

    private final Settings settings;
    private final java.util.function.Supplier<java.util.Collection<Execution>> executions;
    private final AtomicLong exportedBytes = new AtomicLong();
    /** The credits of the writes, in millionths of a credit. */
    private final AtomicLong writeMicroCredits = new AtomicLong();

    private volatile long since = Long.MIN_VALUE;

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
        return BigDecimal.valueOf(used)
                .add(exportCredits(settings.exportCreditsPerMb))
                .add(BigDecimal.valueOf(writeMicroCredits.get(), 6));
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

    /** Sets the base price of an execution on each tier, none per second, e.g. to test a budget. */
    public Credits prices(int mediumCredits, int largeCredits) {
        settings.executionCredits(mediumCredits, largeCredits, 0, 0);
        return this;
    }

    /** What one execution costs, as its status reports it in {@code execution_cost_credits}: the formula above. */
    public int cost(Execution.Snapshot s) {
        boolean large = "large".equals(s.performance());
        long seconds = (s.executionMillis() + 999) / 1000;
        long cost = (large ? settings.largeCredits : settings.mediumCredits)
                + seconds * (large ? settings.largeCreditsPerSecond : settings.mediumCreditsPerSecond);
        return (int) Math.min(Integer.MAX_VALUE, cost);
    }

    /** Counts a write of so many bytes to an uploaded table: 3 credits per GB, at least 1. */
    public void written(long bytes) {
        long micro = Math.max(1_000_000L, Math.round(bytes * 3.0 / 1_000));
        writeMicroCredits.addAndGet(micro);
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

    /** Forgets the executions and exports so far (each test starts from zero); the prices are the settings'. */
    void reset() {
        since = System.nanoTime();
        exportedBytes.set(0);
        writeMicroCredits.set(0);
    }
}
