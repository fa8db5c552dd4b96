package io.github.cameldune.dune.client;

/**
 * Each Dune API endpoint camel-dune calls, with the two facts that decide how a failed attempt is handled: whether
 * it is a write and which rate-limit bucket it counts against. These are properties of the call, never derived from a
 * name, so renaming or adding an operation cannot turn on the re-sending of a billed request.
 */
public enum DuneCall {
    /** {@code POST /v1/query/{id}/execute}: starts a billed execution. */
    EXECUTE_QUERY("execute", true),
    /** {@code POST /v1/sql/execute}: starts a billed execution of raw SQL. */
    EXECUTE_SQL("executeSql", true),
    /** {@code GET /v1/execution/{id}/status}: free. */
    STATUS("status", false),
    /** {@code GET /v1/execution/{id}/results}. */
    RESULTS("results", false),
    /** {@code GET /v1/execution/{id}/results/csv}. */
    RESULTS_CSV("resultsCsv", false),
    /** {@code GET /v1/query/{id}/results}: the latest result of a saved query. */
    LATEST_RESULTS("latestResults", false),
    /** {@code GET /v1/query/{id}/results/csv}. */
    LATEST_RESULTS_CSV("latestResultsCsv", false),
    /** {@code POST /v1/execution/{id}/cancel}: changes nothing billed, and cancelling twice is harmless. */
    CANCEL("cancel", false),
    /** {@code POST /v1/usage}: a free read of the account's credits, despite the POST. */
    USAGE("usage", false);

    /** Dune's two per-minute rate limits, counted apart. */
    public enum Bucket {
        /** The low limit: executions and other writes (15 a minute on the Free plan). */
        WRITE,
        /** The high limit: status, results, cancel (40 a minute on the Free plan). */
        READ
    }

    private final String operationName;
    private final boolean write;

    DuneCall(String operationName, boolean write) {
        this.operationName = operationName;
        this.write = write;
    }

    /** The name used in messages and logs, e.g. {@code execute}. */
    public String operationName() {
        return operationName;
    }

    /**
     * Whether the call creates or changes something Dune bills. A write whose answer was lost may have succeeded, and
     * Dune has no idempotency key: it is sent again only when Dune certainly did nothing, or the user opted in.
     */
    public boolean isWrite() {
        return write;
    }

    /** The rate-limit bucket the call counts against: writes use Dune's low limit. */
    public Bucket bucket() {
        return write ? Bucket.WRITE : Bucket.READ;
    }
}
