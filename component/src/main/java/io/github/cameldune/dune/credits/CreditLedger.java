package io.github.cameldune.dune.credits;

import io.github.cameldune.dune.client.CostReport;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.PipelineStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * A component's books: the credits the client reports (each execution's cost once however often its status is read,
 * exports at the plan's rate, writes), counted in the metrics and settled in the budgets; the reservations billed
 * requests take before they are sent; the executions followed until their cost is known; and the expected costs.
 */
public final class CreditLedger implements CostReport {

    private static final int REMEMBERED = 10_000;

    private final DuneMetrics metrics;
    private final CreditBudget budget;
    private final BigDecimal exportCreditsPerMb;
    private final CostEstimates estimates;
    private final ExecutionSettler settler = new ExecutionSettler(System::nanoTime);
    private final Set<String> counted = new LinkedHashSet<>();

    /**
     * @param budget             the component's budget, or null for none
     * @param exportCreditsPerMb the plan's export rate (Free 20, Analyst 10, Plus 2)
     * @param creditEstimate     what a query never seen is expected to cost; 0 for the highest seen, or list price
     */
    public CreditLedger(DuneMetrics metrics, CreditBudget budget, double exportCreditsPerMb, double creditEstimate) {
        this.metrics = metrics;
        this.budget = budget;
        this.exportCreditsPerMb = BigDecimal.valueOf(exportCreditsPerMb);
        this.estimates = new CostEstimates(BigDecimal.valueOf(creditEstimate));
    }

    @Override
    public void status(ExecutionStatus status) {
        if (status.executionId() == null) {
            return;
        }
        boolean settled = settler.seen(status);
        BigDecimal credits = status.executionCostCredits();
        if (credits == null || !firstTime(status.executionId())) {
            return;
        }
        metrics.credits("execution", credits);
        if (!settled && budget != null) {
            // an execution started elsewhere (another application, before a restart): what Dune charged counts
            budget.add(credits, status.times().submittedAt());
        }
    }

    private boolean firstTime(String executionId) {
        synchronized (counted) {
            if (!counted.add(executionId)) {
                return false;
            }
            if (counted.size() > REMEMBERED) {
                counted.remove(counted.iterator().next());
            }
            return true;
        }
    }

    @Override
    public void exported(long bytes) {
        metrics.resultBytes(bytes);
        BigDecimal credits = Prices.export(bytes, exportCreditsPerMb);
        if (credits.signum() > 0) {
            metrics.credits("export", credits);
            if (budget != null) {
                budget.add(credits, null);
            }
        }
    }

    @Override
    public void written(long bytes) {
        // the budgets were settled by the write's reservation
        metrics.credits("write", Prices.write(bytes));
    }

    /**
     * Reserves a billed request's expected cost in the component's budget and {@code endpointBudget} (either may be
     * null), or refuses it with a {@link io.github.cameldune.dune.exception.DuneBudgetExceededException}; null when
     * no budget applies.
     *
     * @param expected the cost of a write; null for an execution, whose cost is estimated from {@code key}
     */
    Reservation reserve(
            DuneCall call, Long queryId, CostEstimates.Key key, BigDecimal expected, CreditBudget endpointBudget) {
        if (call.billing() == DuneCall.Billing.FREE || call.billing() == DuneCall.Billing.EXPORT) {
            throw new IllegalArgumentException(call + " is not billed before it is answered: nothing to reserve");
        }
        if (!hasBudget(endpointBudget)) {
            return null;
        }
        // a refresh writes its view's table beside its execution: at least a write's minimum
        BigDecimal surcharge = call.billing() == DuneCall.Billing.REFRESH ? Prices.write(0) : BigDecimal.ZERO;
        BigDecimal cost = (expected != null ? expected : estimates.expected(key)).add(surcharge);
        List<Reservation.Held> held = new ArrayList<>(2);
        try {
            for (CreditBudget b : new CreditBudget[] {budget, endpointBudget}) {
                if (b != null) {
                    held.add(new Reservation.Held(b, b.reserve(call.operationName(), queryId, cost)));
                }
            }
        } catch (RuntimeException refused) {
            // the component's budget had room, the endpoint's not: nothing is held
            new Reservation(held, cost, null, estimates, surcharge).release();
            throw refused;
        }
        return new Reservation(List.copyOf(held), cost, key, estimates, surcharge);
    }

    /** Whether any budget applies to a request of an endpoint with this budget (null: none). */
    boolean hasBudget(CreditBudget endpointBudget) {
        return budget != null || endpointBudget != null;
    }

    @Override
    public void pipeline(PipelineStatus status) {
        settler.pipelineSeen(status);
    }

    /**
     * Follows a pipeline Dune accepted under reservations, one per node by node id: each node's execution is followed
     * once a status names it, and the nodes that never started are released once the pipeline ended.
     */
    void followPipeline(
            String pipelineExecutionId,
            Map<Integer, Reservation> nodes,
            Function<String, CompletableFuture<PipelineStatus>> pipelineStatus,
            Function<String, CompletableFuture<ExecutionStatus>> status) {
        settler.followPipeline(pipelineExecutionId, nodes, pipelineStatus, status);
    }

    /** Follows an execution Dune accepted under a reservation until its cost is known. */
    void follow(
            String executionId, Reservation reservation, Function<String, CompletableFuture<ExecutionStatus>> status) {
        settler.follow(executionId, reservation, status);
    }

    /** Starts reading the status of executions nobody reads, every {@code interval}; 0 never. */
    public void startSettling(ScheduledExecutorService scheduler, Duration interval) {
        settler.start(scheduler, interval);
    }

    /** Stops reading statuses; executions not settled yet keep their reservations until they leave the window. */
    public void stopSettling() {
        settler.stop();
    }

    /** The executions followed until Dune reports their cost. */
    public int followed() {
        return settler.size();
    }

    /** The component's budget, or null. */
    public CreditBudget budget() {
        return budget;
    }
}
