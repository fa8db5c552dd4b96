package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An execution Dune has accepted: the body after {@code dune:execute}. It converts to a JSON {@code String} and to a
 * {@code Map} (keys {@code execution_id} and {@code state}, as Dune sends them), so it can go straight to Kafka or a
 * file.
 *
 * @param executionId the execution id, a ULID such as {@code 01HKZJ2683PHF9Q9PHHQ8FW4Q1}
 * @param state       the state Dune reported when it accepted the execution
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DuneExecution(
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("state") ExecutionState state) implements DuneModel {}
