package io.github.cameldune.dune;

import io.github.cameldune.dune.credits.CreditBudget;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.metrics.Outcome;
import java.util.Map;
import org.apache.camel.api.management.ManagedAttribute;

/**
 * The component's figures as JMX attributes (JConsole, Hawtio), the same values the Micrometer meters and the dev
 * console read. Camel adds them to the component's MBean, {@code org.apache.camel:type=components,name="dune"},
 * because the component is a {@code @ManagedResource}.
 */
public interface ManagedDuneComponent {

    /** The component's figures. */
    DuneMetrics metrics();

    /** The component's credit budget, or null. */
    CreditBudget creditBudget();

    @ManagedAttribute(description = "Executions Dune accepted")
    default long getExecutionsStarted() {
        return (long) metrics().total("dune.executions.started", Map.of());
    }

    @ManagedAttribute(description = "Executions waited for that completed")
    default long getExecutionsCompleted() {
        return outcome(Outcome.COMPLETED);
    }

    @ManagedAttribute(description = "Executions waited for that failed in Dune")
    default long getExecutionsFailed() {
        return outcome(Outcome.FAILED);
    }

    @ManagedAttribute(description = "Executions waited for that were cancelled")
    default long getExecutionsCancelled() {
        return outcome(Outcome.CANCELLED);
    }

    @ManagedAttribute(description = "Waits for executions that timed out")
    default long getExecutionsTimedOut() {
        return outcome(Outcome.TIMED_OUT);
    }

    @ManagedAttribute(description = "Executions being waited on now")
    default long getExecutionsWaiting() {
        return metrics().waiting().size();
    }

    @ManagedAttribute(description = "Status polls while waiting")
    default long getPolls() {
        return (long) metrics().total("dune.polls", Map.of());
    }

    @ManagedAttribute(description = "Requests sent again after a failure")
    default long getRetries() {
        return (long) metrics().total("dune.retries", Map.of());
    }

    @ManagedAttribute(description = "Credits of finished executions, as Dune reported them")
    default double getExecutionCredits() {
        return metrics().total("dune.credits", Map.of("kind", "execution"));
    }

    @ManagedAttribute(description = "Export credits estimated from the results read, at exportCreditsPerMb")
    default double getExportCredits() {
        return metrics().total("dune.credits", Map.of("kind", "export"));
    }

    @ManagedAttribute(description = "Credits of writes to tables (3 a GB, at least 1 a write)")
    default double getWriteCredits() {
        return metrics().total("dune.credits", Map.of("kind", "write"));
    }

    @ManagedAttribute(description = "Rows of results read as JSON")
    default long getResultRows() {
        return (long) metrics().total("dune.results.rows", Map.of());
    }

    @ManagedAttribute(description = "Bytes of results read")
    default long getResultBytes() {
        return (long) metrics().total("dune.results.bytes", Map.of());
    }

    @ManagedAttribute(description = "Credits left in the budget's window, -1 without a budget")
    default double getCreditBudgetRemaining() {
        return creditBudget() == null ? -1 : creditBudget().remaining().doubleValue();
    }

    @ManagedAttribute(
            description = "Credits reserved in the budget's window by requests whose cost Dune has not reported yet, "
                    + "-1 without a budget")
    default double getCreditBudgetReserved() {
        return creditBudget() == null ? -1 : creditBudget().reserved().doubleValue();
    }

    @ManagedAttribute(description = "Credits settled in the budget's window at what Dune charged, -1 without a budget")
    default double getCreditBudgetSettled() {
        return creditBudget() == null ? -1 : creditBudget().settled().doubleValue();
    }

    private long outcome(Outcome outcome) {
        return (long) metrics().total("dune.executions", Map.of("outcome", outcome.tag()));
    }
}
