package io.github.cameldune.dune.client;

/**
 * Each Dune API endpoint camel-dune calls, with the facts that decide how a failed attempt is handled and counted:
 * whether it is a write, which rate-limit bucket it counts against and what Dune bills for it. These are properties of the call, never derived from a
 * name, so renaming or adding an operation cannot turn on the re-sending of a billed request.
 */
public enum DuneCall {
    /** {@code POST /v1/query/{id}/execute}: starts a billed execution. */
    EXECUTE_QUERY("execute", true, Bucket.WRITE, Billing.EXECUTION),
    /** {@code POST /v1/sql/execute}: starts a billed execution of raw SQL. */
    EXECUTE_SQL("executeSql", true, Bucket.WRITE, Billing.EXECUTION),
    /** {@code GET /v1/execution/{id}/status}: free. */
    STATUS("status", false, Bucket.READ, Billing.FREE),
    /** {@code GET /v1/execution/{id}/results}. */
    RESULTS("results", false, Bucket.READ, Billing.EXPORT),
    /** {@code GET /v1/execution/{id}/results/csv}. */
    RESULTS_CSV("resultsCsv", false, Bucket.READ, Billing.EXPORT),
    /** {@code GET /v1/query/{id}/results}: the latest result of a saved query. */
    LATEST_RESULTS("latestResults", false, Bucket.READ, Billing.EXPORT),
    /** {@code GET /v1/query/{id}/results/csv}. */
    LATEST_RESULTS_CSV("latestResultsCsv", false, Bucket.READ, Billing.EXPORT),
    /** {@code POST /v1/execution/{id}/cancel}: changes nothing billed, and cancelling twice is harmless. */
    CANCEL("cancel", false, Bucket.READ, Billing.FREE),
    /** {@code POST /v1/usage}: a free read of the account's credits, despite the POST. */
    USAGE("usage", false, Bucket.READ, Billing.FREE),
    /**
     * {@code POST /v1/uploads}: an empty table. Sending it again is harmless (Dune answers that it existed), so it is
     * not a write in the re-sending sense, though it counts against the write limit.
     */
    CREATE_TABLE("createTable", false, Bucket.WRITE, Billing.WRITE),
    /** {@code POST /v1/uploads/{namespace}/{table}/insert}: appends rows; billed, and not idempotent. */
    INSERT("insert", true, Bucket.WRITE, Billing.WRITE),
    /**
     * {@code POST /v1/uploads/csv}: makes or replaces a table from one CSV. Sent again it replaces the table with the
     * same rows, but it bills the write again and its body may have been a stream: it is not re-sent.
     */
    UPLOAD_CSV("uploadCsv", true, Bucket.WRITE, Billing.WRITE),
    /** {@code POST /v1/uploads/{namespace}/{table}/clear}: removes the rows; clearing twice is harmless. */
    CLEAR_TABLE("clearTable", false, Bucket.WRITE, Billing.FREE),
    /** {@code DELETE /v1/uploads/{namespace}/{table}}: drops the table; free. */
    DELETE_TABLE("deleteTable", false, Bucket.WRITE, Billing.FREE),
    /** {@code GET /v1/uploads}: the account's tables; free. */
    LIST_TABLES("listTables", false, Bucket.READ, Billing.FREE),
    /** {@code POST /v1/query}: a new saved query; sent twice, it makes two, so it is never re-sent. */
    CREATE_QUERY("createQuery", true, Bucket.WRITE, Billing.FREE),
    /** {@code GET /v1/query/{id}}: a saved query. */
    GET_QUERY("getQuery", false, Bucket.READ, Billing.FREE),
    /** {@code PATCH /v1/query/{id}}: sets fields of a query; the same update twice leaves the same query. */
    UPDATE_QUERY("updateQuery", false, Bucket.WRITE, Billing.FREE),
    /** {@code POST /v1/query/{id}/archive}. */
    ARCHIVE_QUERY("archiveQuery", false, Bucket.WRITE, Billing.FREE),
    /** {@code POST /v1/query/{id}/unarchive}. */
    UNARCHIVE_QUERY("unarchiveQuery", false, Bucket.WRITE, Billing.FREE),
    /** {@code POST /v1/query/{id}/private}. */
    MAKE_PRIVATE("makePrivate", false, Bucket.WRITE, Billing.FREE),
    /** {@code POST /v1/query/{id}/unprivate}. */
    MAKE_PUBLIC("makePublic", false, Bucket.WRITE, Billing.FREE),
    /** {@code GET /v1/queries}: a page of the account's queries. */
    LIST_QUERIES("listQueries", false, Bucket.READ, Billing.FREE),
    /**
     * {@code POST /v1/materialized-views}: creates or replaces a view and refreshes it; sent twice, it refreshes twice,
     * so it is never re-sent.
     */
    UPSERT_MATERIALIZED_VIEW("upsertMaterializedView", true, Bucket.WRITE, Billing.REFRESH),
    /** {@code GET /v1/materialized-views/{name}}. */
    GET_MATERIALIZED_VIEW("getMaterializedView", false, Bucket.READ, Billing.FREE),
    /** {@code GET /v1/materialized-views}: a page of the account's views. */
    LIST_MATERIALIZED_VIEWS("listMaterializedViews", false, Bucket.READ, Billing.FREE),
    /**
     * {@code DELETE /v1/materialized-views/{name}}: drops a view and its schedule. Free, but a delete whose answer was
     * lost is not sent again: the second would fail with a 404 and hide that the first worked.
     */
    DELETE_MATERIALIZED_VIEW("deleteMaterializedView", true, Bucket.WRITE, Billing.FREE),
    /** {@code POST /v1/materialized-views/{name}/refresh}: a billed execution and write; never re-sent. */
    REFRESH_MATERIALIZED_VIEW("refreshMaterializedView", true, Bucket.WRITE, Billing.REFRESH),
    /** {@code GET /v1/query/{id}/pipeline}: the views a query reads, as the nodes of its pipeline. */
    GET_PIPELINE("getPipeline", false, Bucket.READ, Billing.FREE),
    /** {@code POST /v1/query/{id}/pipeline/execute}: one billed execution per node; never re-sent. */
    EXECUTE_PIPELINE("executePipeline", true, Bucket.WRITE, Billing.PIPELINE),
    /** {@code GET /v1/pipelines/executions/{id}/status}. */
    PIPELINE_STATUS("pipelineStatus", false, Bucket.READ, Billing.FREE),
    /** {@code GET /v1/datasets}: a page of Dune's catalog. */
    LIST_DATASETS("listDatasets", false, Bucket.READ, Billing.FREE),
    /** {@code GET /v1/datasets/{slug}}: one dataset with its columns. */
    GET_DATASET("getDataset", false, Bucket.READ, Billing.FREE),
    /** {@code POST /v1/datasets/search}: a read despite the POST; safe to send again. */
    SEARCH_DATASETS("searchDatasets", false, Bucket.READ, Billing.FREE),
    /** {@code POST /v1/datasets/search-by-contract}: the decoded tables of a contract; a read despite the POST. */
    SEARCH_DATASETS_BY_CONTRACT("searchDatasetsByContract", false, Bucket.READ, Billing.FREE);

    /** Dune's two per-minute rate limits, counted apart. */
    public enum Bucket {
        /** The low limit: executions and other writes (15 a minute on the Free plan). */
        WRITE,
        /** The high limit: status, results, cancel (40 a minute on the Free plan). */
        READ
    }

    /** What Dune bills for a call (see the billing docs: executions, and each megabyte of results exported). */
    public enum Billing {
        /** Nothing. */
        FREE,
        /** An execution's credits, reported in its status once it ends. */
        EXECUTION,
        /** Credits per megabyte of the answer, at the plan's rate. */
        EXPORT,
        /** Credits per gigabyte written to a table (3, at least 1 a write). */
        WRITE,
        /**
         * A materialized view's refresh: an execution's credits, reported in its status, plus the write of the view's
         * table (at least 1 credit).
         */
        REFRESH,
        /** A pipeline: each node billed as its own request is, a query's execution or a view's refresh. */
        PIPELINE
    }

    private final String operationName;
    private final boolean write;
    private final Bucket bucket;
    private final Billing billing;

    DuneCall(String operationName, boolean write, Bucket bucket, Billing billing) {
        this.operationName = operationName;
        this.write = write;
        this.bucket = bucket;
        this.billing = billing;
    }

    /** What Dune bills for the call. */
    public Billing billing() {
        return billing;
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

    /** The rate-limit bucket the call counts against: executions and table changes use Dune's low limit. */
    public Bucket bucket() {
        return bucket;
    }
}
