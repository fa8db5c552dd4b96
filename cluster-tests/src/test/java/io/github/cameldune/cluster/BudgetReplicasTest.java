package io.github.cameldune.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replica JVMs share one plan, each with a credit budget of 90 credits (nine executions of 10), reconciled with
 * the account's usage every second. A burst of 30 concurrent executes on every replica at the same moment: each
 * replica knows only its own reservations until it reconciles, so together they can spend at most three budgets
 * (the bound the guide states: N replicas, N budgets within one reconciliation interval). A second burst 4 s later,
 * after the replicas have reconciled, sends nothing.
 */
@Timeout(120)
class BudgetReplicasTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private static final int REPLICAS = 3;
    private static final int BURST = 30;
    private static final int BUDGET_EXECUTIONS = 9;

    @Test
    void replicasOverrunTheBudgetByAtMostTheirNumberWithinOneReconciliation(@TempDir Path locks) throws Exception {
        DUNE.emulator().engine().credits().prices(10, 20);
        long startAt = System.currentTimeMillis() + 15_000;
        try (Replicas replicas = new Replicas()) {
            replicas.startAll(
                    REPLICAS,
                    DUNE.emulator().baseUrl(),
                    DUNE.emulator().apiKey(),
                    locks,
                    "budget",
                    String.valueOf(BURST),
                    String.valueOf(startAt),
                    String.valueOf(BUDGET_EXECUTIONS * 10));
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(replicas.done())
                            .as("every execute logged:%n%s", replicas.output())
                            .hasSizeGreaterThanOrEqualTo(2 * REPLICAS * BURST));
            long firstExecuted = count(replicas, "burst1-executed");
            long secondExecuted = count(replicas, "burst2-executed");
            System.out.printf(
                    "%d replica JVMs, a budget of %d executions each, a burst of %d executes on each: %d executed "
                            + "(overrun %d executions, %.1fx the budget); after reconciling, %d of %d more%n",
                    REPLICAS,
                    BUDGET_EXECUTIONS,
                    BURST,
                    firstExecuted,
                    firstExecuted - BUDGET_EXECUTIONS,
                    firstExecuted / (double) BUDGET_EXECUTIONS,
                    secondExecuted,
                    REPLICAS * BURST);
            assertThat(firstExecuted)
                    .as("the first burst, within one reconciliation interval:%n%s", replicas.output())
                    .isLessThanOrEqualTo(REPLICAS * BUDGET_EXECUTIONS)
                    .isGreaterThanOrEqualTo(BUDGET_EXECUTIONS);
            assertThat(secondExecuted).as("after the replicas reconciled").isZero();
            assertThat(DUNE.emulator().executionsCreated()).isEqualTo(firstExecuted);
        }
    }

    private static long count(Replicas replicas, String verb) {
        return replicas.done().stream().filter(d -> d.verb().equals(verb)).count();
    }
}
