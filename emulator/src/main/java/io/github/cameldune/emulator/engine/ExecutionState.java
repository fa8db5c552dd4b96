package io.github.cameldune.emulator.engine;

/** The states of a Dune execution, with their wire names. */
public enum ExecutionState {
    PENDING,
    EXECUTING,
    COMPLETED,
    COMPLETED_PARTIAL,
    FAILED,
    CANCELLED,
    EXPIRED;

    /** The value Dune sends, e.g. {@code QUERY_STATE_COMPLETED}. */
    public String wireName() {
        return "QUERY_STATE_" + name();
    }

    /** Whether the execution can no longer change (Dune's {@code is_execution_finished}). */
    public boolean isFinished() {
        return this != PENDING && this != EXECUTING;
    }
}
