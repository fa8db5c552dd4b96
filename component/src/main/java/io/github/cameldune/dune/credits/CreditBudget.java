package io.github.cameldune.dune.credits;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A credit budget over a rolling window. It counts three kinds of credits, each at the time it entered the window:
 * those <em>reserved</em> by a billed request before it was sent, at what it is expected to cost, until Dune reports
 * the real cost; those <em>settled</em>, Dune's own figure; and those <em>reconciled</em> from the account's usage,
 * spent by other replicas or tools. A request is refused when its expected cost would take the sum past the budget,
 * and the check and the reservation are one step, so two requests never spend the same headroom.
 *
 * <p>A component's budget is also reconciled with {@code POST /v1/usage} ({@link UsageReconciler}): what the
 * account's credits used grew by since the last reconciliation, beyond what this budget settled itself, counts as
 * reconciled. An endpoint's budget counts only that endpoint's requests.
 */
public final class CreditBudget {

    /** What an entry of the window is. */
    enum Kind {
        /** Held by a request at its expected cost, until settled or released. */
        RESERVED,
        /** What Dune charged, or what a request is known to have cost. */
        SETTLED,
        /** The account's growth this budget did not count itself. */
        RECONCILED
    }

    /** Credits in the window since {@code at}. */
    static final class Entry {
        final Instant at;
        BigDecimal credits;
        Kind kind;

        Entry(Instant at, BigDecimal credits, Kind kind) {
            this.at = at;
            this.credits = credits;
            this.kind = kind;
        }
    }

    private final String scope;
    private final BigDecimal budget;
    private final Duration window;
    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();

    /** The account's credits used at the last reconciliation, and what this budget settled since. */
    private BigDecimal accountUsed;

    private BigDecimal settledSinceReconcile = BigDecimal.ZERO;
    private BigDecimal othersCounted = BigDecimal.ZERO;
    private Instant reconciledAt;
    /** When the baseline usage read was sent: what was submitted before may be in its figure. */
    private Instant baselineSentAt;

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

    /**
     * Reserves {@code expected} credits for a billed request about to be sent, or refuses it with a
     * {@link DuneBudgetExceededException} when the window has no room for them: a budget already spent refuses even a
     * request expected to cost nothing.
     */
    synchronized Entry reserve(String operation, Long queryId, BigDecimal expected) {
        prune();
        BigDecimal counted = sum(null);
        if (counted.compareTo(budget) >= 0 || counted.add(expected).compareTo(budget) > 0) {
            BigDecimal reserved = sum(Kind.RESERVED);
            throw new DuneBudgetExceededException(
                    operation,
                    queryId,
                    scope,
                    budget,
                    window,
                    counted.subtract(reserved),
                    reserved,
                    expected,
                    freesAt(expected));
        }
        Entry entry = new Entry(clock.instant(), expected, Kind.RESERVED);
        entries.addLast(entry);
        return entry;
    }

    /**
     * A reservation becomes what Dune charged. {@code submittedAt} (null: unknown) is when the billed request went: one
     * sent before the baseline usage read may be in the baseline's figure, which counts nothing, so it is not counted
     * as this budget's own growth and cannot hide what others spend. (If Dune counted it only later, it is counted
     * twice for a while, the safe way.)
     */
    synchronized void settle(Entry entry, BigDecimal credits, Instant submittedAt) {
        if (entry.kind != Kind.RESERVED) {
            return;
        }
        entry.credits = credits;
        entry.kind = Kind.SETTLED;
        settledSinceReconcile(credits, submittedAt);
    }

    /** A reservation whose request Dune certainly did not bill frees its credits. */
    synchronized void release(Entry entry) {
        if (entry.kind == Kind.RESERVED) {
            entry.credits = BigDecimal.ZERO;
            entry.kind = Kind.SETTLED;
        }
    }

    /** Whether an entry still holds its reservation. */
    synchronized boolean isReserved(Entry entry) {
        return entry.kind == Kind.RESERVED;
    }

    /** Whether an entry has left the window: it counts no longer, whatever happens to it. */
    boolean hasLeftWindow(Entry entry) {
        return !entry.at.isAfter(clock.instant().minus(window));
    }

    /** Counts credits charged now without a reservation: exports, executions this budget did not start. */
    synchronized void add(BigDecimal credits, Instant submittedAt) {
        entries.addLast(new Entry(clock.instant(), credits, Kind.SETTLED));
        settledSinceReconcile(credits, submittedAt);
    }

    private void settledSinceReconcile(BigDecimal credits, Instant submittedAt) {
        if (submittedAt == null || baselineSentAt == null || !submittedAt.isBefore(baselineSentAt)) {
            settledSinceReconcile = settledSinceReconcile.add(credits);
        }
    }

    /**
     * Takes the account's credits used in the current billing period, from a usage read sent at {@code sentAt}: the
     * growth since the last call that this budget did not settle itself counts now. The first call only sets the
     * baseline; a smaller figure is a new period.
     */
    synchronized void reconcile(BigDecimal used, Instant sentAt) {
        Instant now = clock.instant();
        reconciledAt = now;
        if (accountUsed == null) {
            accountUsed = used;
            baselineSentAt = sentAt;
            settledSinceReconcile = BigDecimal.ZERO;
            return;
        }
        BigDecimal grew = used.compareTo(accountUsed) >= 0 ? used.subtract(accountUsed) : used;
        BigDecimal unseen = grew.subtract(settledSinceReconcile);
        accountUsed = used;
        settledSinceReconcile = BigDecimal.ZERO;
        if (unseen.signum() > 0) {
            entries.addLast(new Entry(now, unseen, Kind.RECONCILED));
            othersCounted = othersCounted.add(unseen);
        } else if (unseen.signum() < 0) {
            // settled here after Dune had already counted it as someone else's: take it back from those
            forgetReconciled(unseen.negate());
        }
    }

    /** The same, for a usage read sent now. */
    synchronized void reconcile(BigDecimal used) {
        reconcile(used, clock.instant());
    }

    private void forgetReconciled(BigDecimal amount) {
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (amount.signum() > 0 && newestFirst.hasNext()) {
            Entry e = newestFirst.next();
            if (e.kind == Kind.RECONCILED) {
                BigDecimal taken = e.credits.min(amount);
                e.credits = e.credits.subtract(taken);
                othersCounted = othersCounted.subtract(taken);
                amount = amount.subtract(taken);
            }
        }
    }

    /** When enough of the window frees up for {@code expected} more, if nothing else is spent meanwhile. */
    private Instant freesAt(BigDecimal expected) {
        BigDecimal over = sum(null).add(expected).subtract(budget);
        for (Entry e : entries) {
            over = over.subtract(e.credits);
            if (over.signum() <= 0) {
                return e.at.plus(window);
            }
        }
        // more than the whole budget: never, but say when the window is empty
        return entries.isEmpty() ? clock.instant() : entries.peekLast().at.plus(window);
    }

    private void prune() {
        Instant from = clock.instant().minus(window);
        while (!entries.isEmpty() && !entries.peekFirst().at.isAfter(from)) {
            entries.removeFirst();
        }
    }

    private BigDecimal sum(Kind kind) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Entry e : entries) {
            if (kind == null || e.kind == kind) {
                sum = sum.add(e.credits);
            }
        }
        return sum;
    }

    /** The credits counted in the window now: reserved, settled and reconciled. */
    public synchronized BigDecimal spent() {
        prune();
        return sum(null);
    }

    /** The credits held by reservations in the window now, for requests whose cost Dune has not reported yet. */
    public synchronized BigDecimal reserved() {
        prune();
        return sum(Kind.RESERVED);
    }

    /** The credits settled in the window now: what Dune charged for this budget's requests. */
    public synchronized BigDecimal settled() {
        prune();
        return sum(Kind.SETTLED);
    }

    /** The budget, in credits per window. */
    public BigDecimal budget() {
        return budget;
    }

    /** The rolling window. */
    public Duration window() {
        return window;
    }

    /** What the budget is of: {@code component} or {@code endpoint}. */
    public String scope() {
        return scope;
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
