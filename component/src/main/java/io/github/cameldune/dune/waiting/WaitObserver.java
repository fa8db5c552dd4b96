package io.github.cameldune.dune.waiting;

import io.github.cameldune.dune.model.ExecutionStatus;

/**
 * Whoever follows one exchange's wait as it happens, such as the exchange's trace span: told when the execution is
 * known and at each status Dune answers. Set on the exchange as the property {@value #PROPERTY}; the waiter calls it
 * from its scheduler and I/O threads, and a failure of it never ends the wait.
 */
public interface WaitObserver {

    /** The exchange property holding the observer. */
    String PROPERTY = "CamelDuneWaitObserver";

    /** The wait for this execution starts. */
    void waiting(String executionId);

    /** A status answer of the wait, in order. */
    void status(ExecutionStatus status);
}
