package io.github.cameldune.dune.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.DuneCall.Billing;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.Pipeline;
import io.github.cameldune.dune.model.PipelineStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Dune call, what Dune bills for it, and what the books do with it: an execution reserves its expected cost
 * and settles at the cost its status reports; a write reserves its price by size and settles once accepted; an export
 * is counted when its answer comes; a free call neither reserves nor counts. {@link DuneCall#billing()} is the one
 * rule; this table is what it must say.
 */
@Timeout(120)
class CreditRulesTest {

    private static final Map<DuneCall, Billing> BILLED = new EnumMap<>(DuneCall.class);

    static {
        BILLED.put(DuneCall.EXECUTE_QUERY, Billing.EXECUTION);
        BILLED.put(DuneCall.EXECUTE_SQL, Billing.EXECUTION);
        BILLED.put(DuneCall.STATUS, Billing.FREE);
        BILLED.put(DuneCall.RESULTS, Billing.EXPORT);
        BILLED.put(DuneCall.RESULTS_CSV, Billing.EXPORT);
        BILLED.put(DuneCall.LATEST_RESULTS, Billing.EXPORT);
        BILLED.put(DuneCall.LATEST_RESULTS_CSV, Billing.EXPORT);
        BILLED.put(DuneCall.CANCEL, Billing.FREE);
        BILLED.put(DuneCall.USAGE, Billing.FREE);
        BILLED.put(DuneCall.CREATE_TABLE, Billing.WRITE);
        BILLED.put(DuneCall.INSERT, Billing.WRITE);
        BILLED.put(DuneCall.UPLOAD_CSV, Billing.WRITE);
        BILLED.put(DuneCall.CLEAR_TABLE, Billing.FREE);
        BILLED.put(DuneCall.DELETE_TABLE, Billing.FREE);
        BILLED.put(DuneCall.LIST_TABLES, Billing.FREE);
        BILLED.put(DuneCall.CREATE_QUERY, Billing.FREE);
        BILLED.put(DuneCall.GET_QUERY, Billing.FREE);
        BILLED.put(DuneCall.UPDATE_QUERY, Billing.FREE);
        BILLED.put(DuneCall.ARCHIVE_QUERY, Billing.FREE);
        BILLED.put(DuneCall.UNARCHIVE_QUERY, Billing.FREE);
        BILLED.put(DuneCall.MAKE_PRIVATE, Billing.FREE);
        BILLED.put(DuneCall.MAKE_PUBLIC, Billing.FREE);
        BILLED.put(DuneCall.LIST_QUERIES, Billing.FREE);
        BILLED.put(DuneCall.UPSERT_MATERIALIZED_VIEW, Billing.REFRESH);
        BILLED.put(DuneCall.GET_MATERIALIZED_VIEW, Billing.FREE);
        BILLED.put(DuneCall.LIST_MATERIALIZED_VIEWS, Billing.FREE);
        BILLED.put(DuneCall.DELETE_MATERIALIZED_VIEW, Billing.FREE);
        BILLED.put(DuneCall.REFRESH_MATERIALIZED_VIEW, Billing.REFRESH);
        BILLED.put(DuneCall.GET_PIPELINE, Billing.FREE);
        BILLED.put(DuneCall.EXECUTE_PIPELINE, Billing.PIPELINE);
        BILLED.put(DuneCall.PIPELINE_STATUS, Billing.FREE);
        BILLED.put(DuneCall.LIST_DATASETS, Billing.FREE);
        BILLED.put(DuneCall.GET_DATASET, Billing.FREE);
        BILLED.put(DuneCall.SEARCH_DATASETS, Billing.FREE);
        BILLED.put(DuneCall.SEARCH_DATASETS_BY_CONTRACT, Billing.FREE);
    }

    private static final String EXECUTION_ID = "01KBX3C0DQ2B8VYQ9F2ZB7M3JX";

    private final DuneMetrics metrics = new DuneMetrics();
    private final CreditBudget budget = new CreditBudget("component", BigDecimal.valueOf(100), Duration.ofHours(1));
    private final CreditLedger ledger = new CreditLedger(metrics, budget, 20, 0);
    private final CreditGuard guard = new CreditGuard(ledger, null, id -> new CompletableFuture<>());

    @ParameterizedTest
    @EnumSource(DuneCall.class)
    void eachCallReservesAndSettlesAsItsBillingSays(DuneCall call) {
        assertThat(call.billing()).as("the billing of %s", call).isEqualTo(BILLED.get(call));
        switch (call.billing()) {
            case EXECUTION -> {
                guard.execution(
                                call,
                                1001L,
                                null,
                                "large",
                                () -> CompletableFuture.completedFuture(EXECUTION_ID),
                                id -> id)
                        .join();
                assertThat(budget.reserved()).as("the large tier's list price").isEqualByComparingTo("20");
                ledger.status(status(ExecutionState.EXECUTING, null));
                assertThat(budget.reserved())
                        .as("held until Dune reports the cost")
                        .isEqualByComparingTo("20");
                ledger.status(status(ExecutionState.COMPLETED, "7"));
                ledger.status(status(ExecutionState.COMPLETED, "7"));
                assertThat(budget.reserved()).isZero();
                assertThat(budget.settled()).as("settled once").isEqualByComparingTo("7");
                assertThat(metrics.total("dune.credits", Map.of("kind", "execution")))
                        .isEqualTo(7.0);
                assertThat(ledger.followed()).isZero();
            }
            case WRITE -> {
                guard.write(call, 2_000_000_000L, () -> CompletableFuture.completedFuture("accepted"))
                        .join();
                ledger.written(2_000_000_000L);
                assertThat(budget.settled()).as("3 a GB").isEqualByComparingTo("6");
                assertThat(metrics.total("dune.credits", Map.of("kind", "write")))
                        .isEqualTo(6.0);
                // refused by Dune: nothing billed, nothing held
                assertThatThrownBy(() -> guard.write(call, 10, () -> CompletableFuture.failedFuture(refused(call)))
                                .join())
                        .hasCauseInstanceOf(DuneApiException.class);
                assertThat(budget.spent()).isEqualByComparingTo("6");
                // the minimum of a write is 1 credit
                guard.write(call, 0, () -> CompletableFuture.completedFuture("accepted"))
                        .join();
                assertThat(budget.settled()).isEqualByComparingTo("7");
            }
            case REFRESH -> {
                guard.refresh(
                                call,
                                "result_daily",
                                null,
                                () -> CompletableFuture.completedFuture(EXECUTION_ID),
                                id -> id)
                        .join();
                assertThat(budget.reserved())
                        .as("the medium tier's list price and the write's minimum")
                        .isEqualByComparingTo("11");
                ledger.status(status(ExecutionState.COMPLETED, "7"));
                assertThat(budget.reserved()).isZero();
                assertThat(budget.settled())
                        .as("what Dune charged and the write")
                        .isEqualByComparingTo("8");
            }
            case PIPELINE -> {
                Pipeline.Node view = new Pipeline.Node(
                        1, List.of(), null, new Pipeline.ViewRefresh("dune.team.result_daily", "large"));
                Pipeline.Node query =
                        new Pipeline.Node(2, List.of(1), new Pipeline.QueryExecution(1001L, "large", Map.of()), null);
                CompletableFuture<PipelineStatus> never = new CompletableFuture<>();
                guard.pipeline(
                                List.of(view, query),
                                () -> CompletableFuture.completedFuture("01HKZJ2683PHF9Q9PHHQ8FW4Q1"),
                                id -> never)
                        .join();
                assertThat(budget.reserved())
                        .as("each node: the large tier's list price, the view's write")
                        .isEqualByComparingTo("41");
                // the view's node ran, the query's never started
                ledger.pipeline(new PipelineStatus(
                        "01HKZJ2683PHF9Q9PHHQ8FW4Q1",
                        "failed",
                        "node 1 failed",
                        List.of(
                                new PipelineStatus.NodeExecution(
                                        1,
                                        null,
                                        new PipelineStatus.NodeStatus(
                                                "failed", null, "dune.team.result_daily", EXECUTION_ID, null)),
                                new PipelineStatus.NodeExecution(
                                        2, new PipelineStatus.NodeStatus("pending", 1001L, null, null, null), null))));
                assertThat(budget.reserved())
                        .as("the view's refresh, until its cost is known")
                        .isEqualByComparingTo("21");
                ledger.status(status(ExecutionState.FAILED, "3"));
                assertThat(budget.reserved()).isZero();
                assertThat(budget.settled()).isEqualByComparingTo("4");
            }
            case EXPORT -> {
                notReserved(call);
                ledger.exported(500_000);
                assertThat(budget.settled()).as("20 a MB").isEqualByComparingTo("10");
                assertThat(metrics.total("dune.credits", Map.of("kind", "export")))
                        .isEqualTo(10.0);
            }
            case FREE -> {
                notReserved(call);
                assertThat(budget.spent()).isZero();
            }
        }
    }

    @Test
    void anExecutionWhoseAnswerWasLostKeepsItsReservationAndOneDuneRefusedFreesIt() {
        assertThatThrownBy(() -> guard.execution(
                                DuneCall.EXECUTE_QUERY,
                                1001L,
                                null,
                                null,
                                () -> CompletableFuture.<String>failedFuture(lost()),
                                id -> id)
                        .join())
                .hasCauseInstanceOf(DuneApiException.class);
        assertThat(budget.reserved())
                .as("it may exist: counted at its expected cost")
                .isEqualByComparingTo("10");
        assertThatThrownBy(() -> guard.execution(
                                DuneCall.EXECUTE_QUERY,
                                1001L,
                                null,
                                null,
                                () -> CompletableFuture.<String>failedFuture(refused(DuneCall.EXECUTE_QUERY)),
                                id -> id)
                        .join())
                .hasCauseInstanceOf(DuneApiException.class);
        assertThat(budget.reserved()).isEqualByComparingTo("10");
    }

    @Test
    void aQueryIsExpectedToCostWhatItCostLastTimeOnTheSameTier() {
        CostEstimates estimates = new CostEstimates(BigDecimal.ZERO);
        CostEstimates.Key medium = CostEstimates.Key.of(1001L, null, null);
        assertThat(estimates.expected(medium)).as("list price").isEqualByComparingTo("10");
        estimates.cost(medium, BigDecimal.valueOf(35));
        assertThat(estimates.expected(medium)).isEqualByComparingTo("35");
        assertThat(estimates.expected(CostEstimates.Key.of(1001L, null, "large")))
                .as("another tier: never seen there")
                .isEqualByComparingTo("20");
        assertThat(estimates.expected(CostEstimates.Key.of(null, "select 1", "medium")))
                .as("a query never seen: the highest seen on its tier")
                .isEqualByComparingTo("35");
        estimates.cost(CostEstimates.Key.of(null, "select 1", "medium"), BigDecimal.valueOf(3));
        assertThat(estimates.expected(CostEstimates.Key.of(null, "select 1", null)))
                .isEqualByComparingTo("3");
        estimates.cost(medium, BigDecimal.ZERO);
        assertThat(estimates.expected(medium))
                .as("a run that cost nothing (it failed) says nothing of the next")
                .isEqualByComparingTo("35");
        assertThat(new CostEstimates(BigDecimal.valueOf(50)).expected(medium))
                .as("creditEstimate")
                .isEqualByComparingTo("50");
    }

    @Test
    void theClientKeepsNoBooks() throws IOException {
        // from the component's folder, or from a module that runs its tests on another Camel line
        Path client = Path.of("src/main/java/io/github/cameldune/dune/client");
        if (!Files.isDirectory(client)) {
            client = Path.of("..", "component").resolve(client);
        }
        try (Stream<Path> files = Files.list(client)) {
            assertThat(files.filter(f -> {
                        try {
                            String text = Files.readString(f);
                            return text.contains("dune.credits") || text.contains("Budget") || text.contains("Ledger");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }))
                    .as("classes of client/ that know of budgets or ledgers")
                    .isEmpty();
        }
    }

    private void notReserved(DuneCall call) {
        assertThatThrownBy(() -> ledger.reserve(call, null, null, BigDecimal.ONE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(budget.reserved()).isZero();
    }

    private static ExecutionStatus status(ExecutionState state, String credits) {
        return new ExecutionStatus(
                EXECUTION_ID,
                1001L,
                state,
                state.isTerminal(),
                null,
                null,
                null,
                null,
                credits == null ? null : new BigDecimal(credits));
    }

    private static DuneApiException refused(DuneCall call) {
        return DuneApiException.of(new DuneApiException.Failure(call, null, null, 400, "bad request", null), null);
    }

    private static DuneApiException lost() {
        return DuneApiException.of(
                new DuneApiException.Failure(DuneCall.EXECUTE_QUERY, 1001L, null, 502, "bad gateway", null), null);
    }
}
