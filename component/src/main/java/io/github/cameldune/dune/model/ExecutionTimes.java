package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * When an execution was submitted, ran, ended and expires, as Dune reports them in both the status and every results
 * page (the fields sit at the top level of Dune's JSON, beside the state).
 *
 * @param submittedAt        when it was submitted
 * @param expiresAt          when its result expires
 * @param executionStartedAt when it started running, null while queued
 * @param executionEndedAt   when it ended
 * @param cancelledAt        when it was cancelled (CANCELLED only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionTimes(
        @JsonProperty("submitted_at") Instant submittedAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("execution_started_at") Instant executionStartedAt,
        @JsonProperty("execution_ended_at") Instant executionEndedAt,
        @JsonProperty("cancelled_at") Instant cancelledAt) {

    /** No times known. */
    public static final ExecutionTimes NONE = new ExecutionTimes(null, null, null, null, null);

    /** How long it waited in Dune's queue, or null while it still does. */
    public Duration queued() {
        return submittedAt == null || executionStartedAt == null
                ? null
                : Duration.between(submittedAt, executionStartedAt);
    }

    /** How long it ran (queue excluded), or null until it has ended. */
    public Duration ran() {
        return executionStartedAt == null || executionEndedAt == null
                ? null
                : Duration.between(executionStartedAt, executionEndedAt);
    }
}
