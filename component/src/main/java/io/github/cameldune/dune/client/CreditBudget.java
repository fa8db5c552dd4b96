package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.dune.model.Usage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A credit budget over a rolling window: the credits counted (what Dune reported of each finished execution, and the
 * estimated export credits) are summed over the window, and an execute that would take the sum past the budget, at
 * what the same query cost last time, is refused before it is sent.
 *
 * <p>A component's budget is also reconciled with {@code POST /v1/usage}, which is free: what the account's credits
 * used grew by since the last reconciliation, beyond what this budget counted itself, was spent by other replicas or
 * other tools, and counts too. An endpoint's budget counts only that endpoint's executions.
 */
public final class CreditBudget {

    private static final Logger LOG = LoggerFactory.getLogger(CreditBudget.class);
    private static final int REMEMBERED = 10_000;

    /** Credits counted at a time; {@code reconciled} when they came from the account's usage. */
    private static final class Spend {
        final Instant at;
        BigDecimal credits;
        final boolean reconciled;

        Spend(Instant at, BigDecimal credits, boolean reconciled) {
            this.at = at;
            this.credits = credits;
            this.reconciled = reconciled;
        }
    }

    private final String scope;
    private final BigDecimal budget;
    private final Duration window;
    private final Clock clock;
    private final Deque<Spend> spends = new ArrayDeque<>();
    private final Map<Long, BigDecimal> lastCost = new LinkedHashMap<>();
    /** The account's credits used at the last reconciliation, and what this budget counted since. */
    private BigDecimal accountUsed;

    private BigDecimal countedSinceReconcile = BigDecimal.ZERO;
    private BigDecimal othersCounted = BigDecimal.ZERO;
    private Instant reconciledAt;
    /** When the baseline usage read was sent: what was submitted before may be in its figure. */
    private Instant baselineSentAt;

    private ScheduledFuture<?> reconciling;

    /**
     * A budget of {@code budget} credits per rolling {@code window}.
     *
     * @param scope what it is the budget of, for errors: {@code component} or {@code endpoint}
     */
    public CreditBudget(String scope, BigDecimal budget, Duration window) {
        this(scope, budget, window, Clock.systemUTC());
    }

    CreditBudget(String scope, BigDecimal budget, Duration window, Clock clock) {
        this.scope = scope;
        this.budget = budget;
        this.window = window;
        this.clock = clock;
    }

    /** Counts credits spent now; {@code queryId}, when known, remembers them as what that query costs. */
    synchronized void add(BigDecimal credits, Long queryId) {
        add(credits, queryId, null);
    }

    /**
     * Counts credits of an execution submitted at {@code submittedAt} (null: now). One submitted before the baseline
     * usage read was sent may be in the baseline's figure, which counts nothing: it is not counted as this budget's own
     * growth, so that it cannot hide what others spend. (If Dune counted it only later, it is counted twice for a
     * while, the safe way.)
     */
    synchronized void add(BigDecimal credits, Long queryId, Instant submittedAt) {
        spends.addLast(new Spend(clock.instant(), credits, false));
        if (submittedAt == null || baselineSentAt == null || !submittedAt.isBefore(baselineSentAt)) {
            countedSinceReconcile = countedSinceReconcile.add(credits);
        }
        if (queryId != null && queryId > 0) {
            lastCost.remove(queryId);
            lastCost.put(queryId, credits);
            if (lastCost.size() > REMEMBERED) {
                lastCost.remove(lastCost.keySet().iterator().next());
            }
        }
    }

    /**
     * Before a billed request is sent: the component's budget, then the endpoint's (either may be null), each refusing
     * with a {@link DuneBudgetExceededException}.
     */
    static void checkBoth(CreditBudget component, CreditBudget endpoint, DuneCall call, Long queryId) {
        if (component != null) {
            component.check(call, queryId);
        }
        if (endpoint != null) {
            endpoint.check(call, queryId);
        }
    }

    /** Refuses an execute that would take the window past the budget; a query never seen is expected to be free. */
    synchronized void check(DuneCall call, Long queryId) {
        BigDecimal spent = spent();
        BigDecimal expected = queryId == null ? BigDecimal.ZERO : lastCost.getOrDefault(queryId, BigDecimal.ZERO);
        if (spent.compareTo(budget) >= 0 || spent.add(expected).compareTo(budget) > 0) {
            Instant freesAt =
                    spends.isEmpty() ? clock.instant() : spends.peekFirst().at.plus(window);
            throw new DuneBudgetExceededException(call.operationName(), queryId, scope, budget, window, spent, freesAt);
        }
    }

    /**
     * Takes the account's credits used in the current billing period: the growth since the last call that this budget
     * did not count itself counts now. The first call only sets the baseline; a smaller figure is a new period.
     */
    synchronized void reconcile(BigDecimal used) {
        reconcile(used, clock.instant());
    }

    /** The same, for a usage read whose request was sent at {@code sentAt}. */
    synchronized void reconcile(BigDecimal used, Instant sentAt) {
        Instant now = clock.instant();
        reconciledAt = now;
        if (accountUsed == null) {
            accountUsed = used;
            baselineSentAt = sentAt;
            countedSinceReconcile = BigDecimal.ZERO;
            return;
        }
        BigDecimal grew = used.compareTo(accountUsed) >= 0 ? used.subtract(accountUsed) : used;
        BigDecimal unseen = grew.subtract(countedSinceReconcile);
        accountUsed = used;
        countedSinceReconcile = BigDecimal.ZERO;
        if (unseen.signum() > 0) {
            spends.addLast(new Spend(now, unseen, true));
            othersCounted = othersCounted.add(unseen);
        } else if (unseen.signum() < 0) {
            // counted here after Dune had already counted it as someone else's: take it back from those
            forgetReconciled(unseen.negate());
        }
    }

    private void forgetReconciled(BigDecimal amount) {
        Iterator<Spend> newestFirst = spends.descendingIterator();
        while (amount.signum() > 0 && newestFirst.hasNext()) {
            Spend s = newestFirst.next();
            if (s.reconciled) {
                BigDecimal taken = s.credits.min(amount);
                s.credits = s.credits.subtract(taken);
                othersCounted = othersCounted.subtract(taken);
                amount = amount.subtract(taken);
            }
        }
    }

    /**
     * Reconciles with the account's usage now (the baseline) and then every {@code period}, through {@code client};
     * once per budget. A failed reconciliation is logged and the budget goes on with what it counted.
     */
    public synchronized void reconcileEvery(DuneClient client, ScheduledExecutorService scheduler, Duration period) {
        if (reconciling != null || period.isZero()) {
            return;
        }
        reconciling = scheduler.scheduleWithFixedDelay(
                () -> {
                    Instant sent = clock.instant();
                    client.usage(null, null).whenComplete((usage, error) -> {
                        if (error != null) {
                            LOG.warn(
                                    "Dune usage for the credit budget failed; counting on without it: {}",
                                    Futures.cause(error).getMessage());
                        } else if (!usage.billingPeriods().isEmpty()) {
                            Usage.BillingPeriod current = usage.billingPeriods().get(0);
                            if (current.creditsUsed() != null) {
                                reconcile(current.creditsUsed(), sent);
                            }
                        }
                    });
                },
                0,
                period.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Stops reconciling. */
    public synchronized void stopReconciling() {
        if (reconciling != null) {
            reconciling.cancel(false);
            reconciling = null;
        }
    }

    /** The credits counted in the window now, this budget's own and the reconciled ones. */
    public synchronized BigDecimal spent() {
        Instant from = clock.instant().minus(window);
        while (!spends.isEmpty() && !spends.peekFirst().at.isAfter(from)) {
            spends.removeFirst();
        }
        return spends.stream().map(s -> s.credits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The budget, in credits per window. */
    public BigDecimal budget() {
        return budget;
    }

    /** The rolling window. */
    public Duration window() {
        return window;
    }

    /** The credits left in the window now (never below zero). */
    public BigDecimal remaining() {
        return budget.subtract(spent()).max(BigDecimal.ZERO);
    }

    /** The credits counted from the account's usage beyond this budget's own, since it started. */
    public synchronized BigDecimal othersCounted() {
        return othersCounted;
    }

    /** When the account's usage was last read, or null. */
    public synchronized Instant reconciledAt() {
        return reconciledAt;
    }
}
