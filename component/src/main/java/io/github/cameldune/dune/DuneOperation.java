package io.github.cameldune.dune;

/** What a {@code dune:} endpoint does; the first part of its URI, e.g. {@code dune:execute}. */
public enum DuneOperation {
    /** Starts an execution of a saved query: {@code POST /v1/query/{queryId}/execute}. Costs credits. */
    execute
}
