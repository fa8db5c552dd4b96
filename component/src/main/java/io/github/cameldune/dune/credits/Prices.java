package io.github.cameldune.dune.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Dune's prices, as its billing documentation states them, in one place: what a write and an export cost, and the
 * list price of an execution on each tier that a query never seen is expected to cost.
 */
public final class Prices {

    private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal GIGABYTE = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal WRITE_PER_GB = BigDecimal.valueOf(3);

    private Prices() {}

    /** A write to a table (create, insert, CSV upload): 3 credits per GB, at least 1 credit a write. */
    public static BigDecimal write(long bytes) {
        return BigDecimal.valueOf(bytes)
                .multiply(WRITE_PER_GB)
                .divide(GIGABYTE, 6, RoundingMode.HALF_UP)
                .max(BigDecimal.ONE);
    }

    /** An export of results of {@code bytes}, at the plan's rate in credits per MB (Free 20, Analyst 10, Plus 2). */
    public static BigDecimal export(long bytes, BigDecimal creditsPerMb) {
        return BigDecimal.valueOf(bytes).multiply(creditsPerMb).divide(MEGABYTE, 6, RoundingMode.HALF_UP);
    }

    /**
     * The list price of one execution on a tier, from before Dune billed by compute used: 20 credits on {@code large},
     * 10 on {@code medium} (Dune's default, also for {@code null}) and on {@code small}.
     */
    public static BigDecimal tierListPrice(String tier) {
        return "large".equals(tier) ? BigDecimal.valueOf(20) : BigDecimal.TEN;
    }
}
