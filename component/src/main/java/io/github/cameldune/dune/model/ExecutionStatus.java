package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;

/**
 * The status of an execution ({@code GET /v1/execution/{id}/status}): the body after {@code dune:status}.
 *
 * @param executionId          the execution id
 * @param queryId              the saved query, 0 for raw SQL
 * @param state                the state
 * @param executionFinished    whether the state is terminal, as Dune says
 * @param times                when it was submitted, ran, ended and expires
 * @param queuePosition        its place in the queue (PENDING only)
 * @param resultMetadata       the result's shape (COMPLETED only)
 * @param error                why it failed (FAILED only)
 * @param executionCostCredits what it cost, where Dune says
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionStatus(
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("query_id") Long queryId,
        @JsonProperty("state") ExecutionState state,
        @JsonProperty("is_execution_finished") Boolean executionFinished,
        @JsonUnwrapped ExecutionTimes times,
        @JsonProperty("queue_position") Integer queuePosition,
        @JsonProperty("result_metadata") ResultMetadata resultMetadata,
        @JsonProperty("error") ExecutionError error,
        @JsonProperty("execution_cost_credits") BigDecimal executionCostCredits)
        implements DuneModel {

    /** When it was submitted, ran, ended and expires; never null. */
    @Override
    public ExecutionTimes times() {
        return times == null ? ExecutionTimes.NONE : times;
    }

    /** Whether the execution is over: Dune's flag, or a terminal state when an older answer has no flag. */
    @JsonIgnore
    public boolean isFinished() {
        return executionFinished != null ? executionFinished : state != null && state.isTerminal();
    }
}
