package io.github.cameldune.dune.credits;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an execution is expected to cost before Dune says: what the same query cost last time on the same tier (a saved
 * query by its id, raw SQL by its text); for a query not seen yet, or whose last run cost nothing, the
 * {@code creditEstimate} option when it is set, else the highest cost seen on that tier so far, else the tier's list
 * price ({@link Prices#tierListPrice}).
 */
final class CostEstimates {

    private static final int REMEMBERED = 10_000;

    /** A query on a tier: a saved query's id, or raw SQL's text (as its hash and length). */
    record Key(Long queryId, int sqlHash, int sqlLength, String tier) {

        /** The key of an execution; {@code tier} null is Dune's default, medium. */
        static Key of(Long queryId, String sql, String tier) {
            String t = tier == null ? "medium" : tier;
            return sql == null ? new Key(queryId, 0, 0, t) : new Key(null, sql.hashCode(), sql.length(), t);
        }
    }

    private final BigDecimal unseen;
    private final Map<Key, BigDecimal> lastCost = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, BigDecimal> highestByTier = new HashMap<>();

    /** @param unseen what a query not seen yet is expected to cost; zero or less: the highest seen, or list price */
    CostEstimates(BigDecimal unseen) {
        this.unseen = unseen.signum() > 0 ? unseen : null;
    }

    /** What an execution of this query on this tier is expected to cost. */
    synchronized BigDecimal expected(Key key) {
        BigDecimal last = lastCost.get(key);
        if (last != null && last.signum() > 0) {
            return last;
        }
        if (unseen != null) {
            return unseen;
        }
        BigDecimal highest = highestByTier.get(key.tier());
        return highest != null ? highest : Prices.tierListPrice(key.tier());
    }

    /** What an execution of this query on this tier did cost. */
    synchronized void cost(Key key, BigDecimal credits) {
        lastCost.put(key, credits);
        if (lastCost.size() > REMEMBERED) {
            lastCost.remove(lastCost.keySet().iterator().next());
        }
        highestByTier.merge(key.tier(), credits, BigDecimal::max);
    }
}
