package io.github.cameldune.dune.metrics;

import io.github.cameldune.dune.exception.DuneShutdownException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.dune.model.ExecutionState;
import java.util.Locale;

/**
 * How a wait for an execution ended: the {@code outcome} tag of {@code dune.executions}. A fixed set, so the tag's
 * cardinality stays bounded whatever Dune answers.
 */
public enum Outcome {
    /** Dune completed it. */
    COMPLETED,
    /** Dune completed it with a partial result. */
    PARTIAL,
    /** It failed in Dune. */
    FAILED,
    /** It was cancelled. */
    CANCELLED,
    /** Its results expired. */
    EXPIRED,
    /** The wait timed out before it ended. */
    TIMED_OUT,
    /** The component stopped while waiting. */
    STOPPED,
    /** The wait ended on another error, e.g. status requests rejected. */
    ERROR;

    /** The tag value: {@code completed}, {@code timed_out}, ... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of an execution Dune reported in a terminal state; {@link #ERROR} for a state it is not. */
    public static Outcome of(ExecutionState state) {
        if (ExecutionState.COMPLETED.equals(state)) {
            return COMPLETED;
        }
        if (ExecutionState.COMPLETED_PARTIAL.equals(state)) {
            return PARTIAL;
        }
        if (ExecutionState.FAILED.equals(state)) {
            return FAILED;
        }
        if (ExecutionState.CANCELLED.equals(state)) {
            return CANCELLED;
        }
        if (ExecutionState.EXPIRED.equals(state)) {
            return EXPIRED;
        }
        return ERROR;
    }

    /** The outcome of a wait that ended with {@code error} instead of a terminal state. */
    public static Outcome of(Throwable error) {
        if (error instanceof DuneTimeoutException) {
            return TIMED_OUT;
        }
        if (error instanceof DuneShutdownException) {
            return STOPPED;
        }
        return ERROR;
    }
}
