package io.github.cameldune.dune.metrics;

import io.github.cameldune.dune.model.ExecutionState;
import java.time.Duration;

/** An execution camel-dune is waiting on, as the dev console lists it. */
public interface WaitingExecution {

    /** Dune's id of the execution. */
    String executionId();

    /** The saved query, 0 for raw SQL, or null when unknown. */
    Long queryId();

    /** The operation waiting, e.g. {@code run}. */
    String operation();

    /** The last state Dune reported, or null before the first answer. */
    ExecutionState state();

    /** Dune's queue position at the last poll, or null. */
    Integer queuePosition();

    /** How long the wait has lasted. */
    Duration elapsed();
}
