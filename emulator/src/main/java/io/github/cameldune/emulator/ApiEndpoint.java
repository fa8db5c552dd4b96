package io.github.cameldune.emulator.faults;

/** The Dune API endpoints a fault can be aimed at. */
public enum Endpoint {
    /** {@code POST /v1/query/{id}/execute}. */
    EXECUTE,
    /** {@code POST /v1/sql/execute}. */
    SQL_EXECUTE,
    /** {@code GET /v1/execution/{id}/status}. */
    STATUS,
    /** {@code GET /v1/execution/{id}/results} and its CSV variant. */
    RESULTS,
    /** {@code POST /v1/execution/{id}/cancel}. */
    CANCEL,
    /** Any endpoint. */
    ANY
}
