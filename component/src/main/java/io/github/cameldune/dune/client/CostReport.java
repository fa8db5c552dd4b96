package io.github.cameldune.dune.client;

import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.PipelineStatus;

/**
 * Where the client tells what Dune billed for the answers it received, and all it knows of money: which calls bill
 * what is {@link DuneCall#billing()}; counting, budgets and refusals are the caller's ({@code credits/}).
 */
public interface CostReport {

    /** Reports nothing: for a client that keeps no books. */
    CostReport NONE = new CostReport() {
        @Override
        public void status(ExecutionStatus status) {}

        @Override
        public void exported(long bytes) {}

        @Override
        public void written(long bytes) {}

        @Override
        public void pipeline(PipelineStatus status) {}
    };

    /** A status was read; once the execution ended it carries the credits Dune charged for it. */
    void status(ExecutionStatus status);

    /** Dune sent an answer of results of so many bytes, billed by size whether or not it is read. */
    void exported(long bytes);

    /** Dune accepted a write of so many bytes to a table. */
    void written(long bytes);

    /** A pipeline execution's status was read: its nodes' executions, once they started. */
    void pipeline(PipelineStatus status);
}
