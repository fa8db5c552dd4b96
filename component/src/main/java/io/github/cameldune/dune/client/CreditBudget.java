package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.dune.model.ExecutionStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A component's credit budget over a rolling window: the credits of each finished execution this JVM saw (Dune's
 * {@code execution_cost_credits}, counted once per execution) are summed over the window, and an execute that would
 * take the sum past the budget, at what the same query cost last time, is refused before it is sent.
 */
public final class CreditBudget {

    private static final int REMEMBERED = 10_000;

    private record Spend(Instant at, BigDecimal credits) {}

    private final BigDecimal budget;
    private final Duration window;
    private final Clock clock;
    private final Deque<Spend> spends = new ArrayDeque<>();
    private final Set<String> counted = new LinkedHashSet<>();
    private final Map<Long, BigDecimal> lastCost = new LinkedHashMap<>();

    /** A budget of {@code budget} credits per rolling {@code window}. */
    public CreditBudget(BigDecimal budget, Duration window) {
        this(budget, window, Clock.systemUTC());
    }

    CreditBudget(BigDecimal budget, Duration window, Clock clock) {
        this.budget = budget;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a status's credits once per execution, when Dune reports them. */
    synchronized void record(ExecutionStatus status) {
        if (status.executionCostCredits() == null
                || status.executionId() == null
                || !counted.add(status.executionId())) {
            return;
        }
        if (counted.size() > REMEMBERED) {
            counted.remove(counted.iterator().next());
        }
        spends.addLast(new Spend(clock.instant(), status.executionCostCredits()));
        if (status.queryId() != null && status.queryId() > 0) {
            lastCost.remove(status.queryId());
            lastCost.put(status.queryId(), status.executionCostCredits());
            if (lastCost.size() > REMEMBERED) {
                lastCost.remove(lastCost.keySet().iterator().next());
            }
        }
    }

    /** Refuses an execute that would take the window past the budget; a query never seen is expected to be free. */
    synchronized void check(DuneCall call, Long queryId) {
        Instant now = clock.instant();
        while (!spends.isEmpty() && !spends.peekFirst().at().isAfter(now.minus(window))) {
            spends.removeFirst();
        }
        BigDecimal spent = spends.stream().map(Spend::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = queryId == null ? BigDecimal.ZERO : lastCost.getOrDefault(queryId, BigDecimal.ZERO);
        if (spent.compareTo(budget) >= 0 || spent.add(expected).compareTo(budget) > 0) {
            Instant freesAt = spends.isEmpty() ? now : spends.peekFirst().at().plus(window);
            throw new DuneBudgetExceededException(call.operationName(), queryId, budget, window, spent, freesAt);
        }
    }

    /** The credits counted in the window now. */
    public synchronized BigDecimal spent() {
        Instant from = clock.instant().minus(window);
        return spends.stream()
                .filter(s -> s.at().isAfter(from))
                .map(Spend::credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
