package io.github.cameldune.dune.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The budget's arithmetic on a clock the test moves: reservations, the window, settlement and reconciliation. */
@Timeout(120)
class CreditBudgetTest {

    private Instant now = Instant.parse("2026-12-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CreditBudget budget =
            new CreditBudget("component", BigDecimal.valueOf(100), Duration.ofHours(1), clock);

    private void spend(long credits) {
        budget.settle(budget.reserve("execute", 1001L, BigDecimal.valueOf(credits)), BigDecimal.valueOf(credits), null);
    }

    @Test
    void aRequestIsRefusedWhenItsExpectedCostWouldPassTheBudgetAndAllowedOnceTheWindowMoves() {
        spend(40);
        now = now.plusSeconds(60);
        spend(40);
        assertThatThrownBy(() -> budget.reserve("execute", 1001L, BigDecimal.valueOf(40)))
                .isInstanceOf(DuneBudgetExceededException.class)
                .hasMessageContaining("(80 counted) by the 40 credits it is expected to cost")
                .hasMessageContaining("frees up from 2026-12-01T01:00:00Z");
        // what fits exactly is taken; then the budget is spent, and even a request expected to cost nothing is refused
        budget.reserve("executeSql", null, BigDecimal.valueOf(20));
        assertThatThrownBy(() -> budget.reserve("executeSql", null, BigDecimal.ZERO))
                .isInstanceOf(DuneBudgetExceededException.class)
                .hasMessageContaining("(80 counted, 20 reserved)");
        now = now.plus(Duration.ofHours(1)).minusSeconds(30);
        assertThat(budget.spent()).isEqualByComparingTo("60");
        budget.reserve("execute", 1001L, BigDecimal.valueOf(40));
    }

    @Test
    void aReservationHoldsItsCreditsUntilSettledAtDunesFigureOrReleased() {
        CreditBudget.Entry run = budget.reserve("execute", 1001L, BigDecimal.valueOf(30));
        CreditBudget.Entry insert = budget.reserve("insert", null, BigDecimal.ONE);
        assertThat(budget.reserved()).isEqualByComparingTo("31");
        assertThat(budget.remaining()).isEqualByComparingTo("69");
        budget.settle(run, BigDecimal.valueOf(12), null);
        budget.release(insert);
        assertThat(budget.reserved()).isZero();
        assertThat(budget.settled()).isEqualByComparingTo("12");
        // settled once: a second report changes nothing
        budget.settle(run, BigDecimal.valueOf(99), null);
        budget.release(run);
        assertThat(budget.spent()).isEqualByComparingTo("12");
        assertThat(budget.isReserved(run)).isFalse();
    }

    @Test
    @Timeout(30)
    void concurrentRequestsNeverSpendTheSameHeadroom() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(30);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                tries.add(threads.submit((Callable<Boolean>) () -> {
                    start.await();
                    try {
                        budget.reserve("execute", 1001L, BigDecimal.TEN);
                        return true;
                    } catch (DuneBudgetExceededException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int reserved = 0;
            for (Future<Boolean> t : tries) {
                reserved += t.get() ? 1 : 0;
            }
            assertThat(reserved).isEqualTo(10);
            assertThat(budget.reserved()).isEqualByComparingTo("100");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theAccountsGrowthBeyondWhatWasCountedHereCountsAndNothingCountsTwice() {
        budget.reconcile(BigDecimal.valueOf(500));
        assertThat(budget.spent()).as("the baseline counts nothing").isZero();
        spend(10);
        budget.reconcile(BigDecimal.valueOf(535));
        assertThat(budget.othersCounted()).isEqualByComparingTo("25");
        assertThat(budget.spent()).isEqualByComparingTo("35");

        // Dune counted an execution before its status reached this budget: counted as someone else's first...
        budget.reconcile(BigDecimal.valueOf(545));
        assertThat(budget.spent()).isEqualByComparingTo("45");
        // ...and taken back when this budget settles it itself
        spend(10);
        budget.reconcile(BigDecimal.valueOf(545));
        assertThat(budget.othersCounted()).isEqualByComparingTo("25");
        assertThat(budget.spent()).isEqualByComparingTo("45");

        // a new billing period starts from zero
        budget.reconcile(BigDecimal.valueOf(5));
        assertThat(budget.othersCounted()).isEqualByComparingTo("30");
        assertThat(budget.remaining()).isEqualByComparingTo("50");
        assertThat(budget.reconciledAt()).isEqualTo(now);
    }

    @Test
    void aReservationNotSettledYetIsNotTakenForTheAccountsGrowth() {
        budget.reconcile(BigDecimal.valueOf(500));
        CreditBudget.Entry running = budget.reserve("execute", 1001L, BigDecimal.TEN);
        // Dune billed it already; the reconciliation sees growth this budget has not settled: counted twice for now
        budget.reconcile(BigDecimal.valueOf(510));
        assertThat(budget.spent()).isEqualByComparingTo("20");
        budget.settle(running, BigDecimal.TEN, null);
        budget.reconcile(BigDecimal.valueOf(510));
        assertThat(budget.spent()).as("once settled, counted once").isEqualByComparingTo("10");
        assertThat(budget.othersCounted()).isZero();
    }

    @Test
    void anExecutionInTheBaselineThatIsSettledHereAfterItDoesNotHideOthersSpend() {
        Instant submittedBeforeTheBaseline = now.minusSeconds(1);
        CreditBudget.Entry running = budget.reserve("execute", 1001L, BigDecimal.TEN);
        budget.reconcile(BigDecimal.valueOf(500), now);
        now = now.plusSeconds(1);
        // its status reaches this budget after the baseline read, which held it
        budget.settle(running, BigDecimal.TEN, submittedBeforeTheBaseline);
        now = now.plusSeconds(60);
        // another replica spent 20 since the baseline
        budget.reconcile(BigDecimal.valueOf(520), now);
        assertThat(budget.othersCounted()).isEqualByComparingTo("20");
        assertThat(budget.spent()).isEqualByComparingTo("30");
    }
}
