package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * The state of a Dune execution, as Dune spells it ({@code QUERY_STATE_COMPLETED}). Dune may add states at any time,
 * so this is a value, not an enum: an unknown state is kept as sent and is not terminal.
 *
 * @param value the state as sent by Dune
 */
public record ExecutionState(String value) {

    /** Waiting for an execution slot. */
    public static final ExecutionState PENDING = new ExecutionState("QUERY_STATE_PENDING");
    /** Running. */
    public static final ExecutionState EXECUTING = new ExecutionState("QUERY_STATE_EXECUTING");
    /** Finished; the results can be fetched. */
    public static final ExecutionState COMPLETED = new ExecutionState("QUERY_STATE_COMPLETED");
    /** Finished, but the result was truncated: fetch it with {@code allow_partial_results=true}. */
    public static final ExecutionState COMPLETED_PARTIAL = new ExecutionState("QUERY_STATE_COMPLETED_PARTIAL");
    /** Failed; the status carries Dune's error. */
    public static final ExecutionState FAILED = new ExecutionState("QUERY_STATE_FAILED");
    /** Cancelled by a user. */
    public static final ExecutionState CANCELLED = new ExecutionState("QUERY_STATE_CANCELLED");
    /** The result is no longer stored. */
    public static final ExecutionState EXPIRED = new ExecutionState("QUERY_STATE_EXPIRED");

    private static final Set<ExecutionState> TERMINAL =
            Set.of(COMPLETED, COMPLETED_PARTIAL, FAILED, CANCELLED, EXPIRED);
    private static final Set<ExecutionState> KNOWN =
            Set.of(PENDING, EXECUTING, COMPLETED, COMPLETED_PARTIAL, FAILED, CANCELLED, EXPIRED);

    /** Reads a state as Dune sends it; the docs' misspelling {@code QUERY_STATE_CANCELED} reads as CANCELLED. */
    @JsonCreator
    public static ExecutionState of(String value) {
        if (value == null) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return upper.equals("QUERY_STATE_CANCELED") ? CANCELLED : new ExecutionState(upper);
    }

    /** The state as Dune spells it. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Whether the execution can no longer change (true only for the terminal states Dune documents). */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Whether this is one of the states Dune documented when this version was written. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
