package io.github.cameldune.dune.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The budget's arithmetic on a clock the test moves: the window, the expected cost, and the reconciliation. */
class CreditBudgetTest {

    private Instant now = Instant.parse("2026-12-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CreditBudget budget =
            new CreditBudget("component", BigDecimal.valueOf(100), Duration.ofHours(1), clock);

    @Test
    void anExecuteIsRefusedWhenTheQuerysLastCostWouldPassTheBudgetAndAllowedOnceTheWindowMoves() {
        budget.add(BigDecimal.valueOf(40), 1001L);
        now = now.plusSeconds(60);
        budget.add(BigDecimal.valueOf(40), 1001L);
        assertThatThrownBy(() -> budget.check(DuneCall.EXECUTE_QUERY, 1001L))
                .isInstanceOf(DuneBudgetExceededException.class)
                .hasMessageContaining("(80 counted)")
                .hasMessageContaining("frees up from 2026-12-01T01:00:00Z");
        // a query never seen is expected to cost nothing, until the budget is spent
        budget.check(DuneCall.EXECUTE_SQL, null);
        now = now.plus(Duration.ofHours(1)).minusSeconds(30);
        assertThat(budget.spent()).isEqualByComparingTo("40");
        budget.check(DuneCall.EXECUTE_QUERY, 1001L);
    }

    @Test
    void theAccountsGrowthBeyondWhatWasCountedHereCountsAndNothingCountsTwice() {
        budget.reconcile(BigDecimal.valueOf(500));
        assertThat(budget.spent()).as("the baseline counts nothing").isZero();
        budget.add(BigDecimal.valueOf(10), 1001L);
        budget.reconcile(BigDecimal.valueOf(535));
        assertThat(budget.othersCounted()).isEqualByComparingTo("25");
        assertThat(budget.spent()).isEqualByComparingTo("35");

        // Dune counted an execution before its status reached this budget: counted as someone else's first...
        budget.reconcile(BigDecimal.valueOf(545));
        assertThat(budget.spent()).isEqualByComparingTo("45");
        // ...and taken back when this budget counts it itself
        budget.add(BigDecimal.valueOf(10), 1001L);
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
    void anExecutionInTheBaselineThatIsCountedHereAfterItDoesNotHideOthersSpend() {
        Instant submittedBeforeTheBaseline = now.minusSeconds(1);
        budget.reconcile(BigDecimal.valueOf(500), now);
        now = now.plusSeconds(1);
        // its status reaches this budget after the baseline read, which held it
        budget.add(BigDecimal.valueOf(10), 1001L, submittedBeforeTheBaseline);
        now = now.plusSeconds(60);
        // another replica spent 20 since the baseline
        budget.reconcile(BigDecimal.valueOf(520), now);
        assertThat(budget.othersCounted()).isEqualByComparingTo("20");
        assertThat(budget.spent()).isEqualByComparingTo("30");
    }
}
