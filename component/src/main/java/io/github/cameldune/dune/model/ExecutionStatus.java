package io.github.cameldune.dune.model;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The status of an execution ({@code GET /v1/execution/{id}/status}): the body after {@code dune:status}.
 *
 * @param executionId          the execution id
 * @param queryId              the saved query, 0 for raw SQL
 * @param state                the state
 * @param executionFinished    whether the state is terminal, as Dune says
 * @param submittedAt          when it was submitted
 * @param expiresAt            when its result expires
 * @param executionStartedAt   when it started running
 * @param executionEndedAt     when it ended
 * @param cancelledAt          when it was cancelled (CANCELLED only)
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
        @JsonProperty("submitted_at") Instant submittedAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("execution_started_at") Instant executionStartedAt,
        @JsonProperty("execution_ended_at") Instant executionEndedAt,
        @JsonProperty("cancelled_at") Instant cancelledAt,
        @JsonProperty("queue_position") Integer queuePosition,
        @JsonProperty("result_metadata") ResultMetadata resultMetadata,
        @JsonProperty("error") ExecutionError error,
        @JsonProperty("execution_cost_credits") BigDecimal executionCostCredits) implements DuneModel {

    /** Whether the execution is over: Dune's flag, or a terminal state when an older answer has no flag. */
    public boolean isFinished() {
        return executionFinished != null ? executionFinished : state != null && state.isTerminal();
    }
}
