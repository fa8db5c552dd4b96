package io.github.cameldune.dune;

/** What a {@code dune:} endpoint does; the first part of its URI, e.g. {@code dune:execute}. */
public enum DuneOperation {
    /** Starts an execution of a saved query: {@code POST /v1/query/{queryId}/execute}. Costs credits. */
    execute,
    /** Starts an execution of raw SQL: {@code POST /v1/sql/execute}. Costs credits. */
    executeSql,
    /** Reads an execution's status: {@code GET /v1/execution/{id}/status}. Free. */
    status,
    /** Reads an execution's results: {@code GET /v1/execution/{id}/results}. */
    results,
    /** Reads an execution's results as CSV: {@code GET /v1/execution/{id}/results/csv}. */
    resultsCsv,
    /** Reads the latest result of a saved query: {@code GET /v1/query/{id}/results}, executing again if too old. */
    latestResults,
    /** Cancels an execution: {@code POST /v1/execution/{id}/cancel}. */
    cancel,
    /** Executes (a saved query, or SQL), waits without holding a thread, and fetches the results. */
    run,
    /** Reads the account's credits used and included per billing period: {@code POST /v1/usage}. Free. */
    usage,
    /** Creates an empty table of the account's own data: {@code POST /v1/uploads}. Costs credits. */
    createTable,
    /** Appends rows (CSV or NDJSON) to a table: {@code POST /v1/uploads/{namespace}/{table}/insert}. Costs credits. */
    insert,
    /**
     * Makes or replaces the table {@code dataset_<tableName>} from one CSV, its column types inferred by Dune:
     * {@code POST /v1/uploads/csv}. Costs credits.
     */
    uploadCsv,
    /** Removes every row of a table: {@code POST /v1/uploads/{namespace}/{table}/clear}. */
    clearTable,
    /** Drops a table: {@code DELETE /v1/uploads/{namespace}/{table}}. Free. */
    deleteTable,
    /** Lists the account's tables: {@code GET /v1/uploads}. Free. */
    listTables,
    /** Creates a saved query from Dune's fields in the body: {@code POST /v1/query}. */
    createQuery,
    /** Reads a saved query: {@code GET /v1/query/{queryId}}. */
    getQuery,
    /** Sets fields of a saved query from the body: {@code PATCH /v1/query/{queryId}}. */
    updateQuery,
    /** Archives a saved query (Dune then neither executes nor edits it): {@code POST /v1/query/{queryId}/archive}. */
    archiveQuery,
    /** Unarchives a saved query: {@code POST /v1/query/{queryId}/unarchive}. */
    unarchiveQuery,
    /** Makes a saved query private: {@code POST /v1/query/{queryId}/private}. */
    makePrivate,
    /** Makes a saved query public: {@code POST /v1/query/{queryId}/unprivate}. */
    makePublic,
    /** Lists the account's saved queries, a page at a time: {@code GET /v1/queries}. Free. */
    listQueries,
    /**
     * Creates or replaces the materialized view of a saved query and refreshes it: {@code POST
     * /v1/materialized-views}. Costs credits (the refresh).
     */
    upsertMaterializedView,
    /** Reads a materialized view: {@code GET /v1/materialized-views/{name}}. Free. */
    getMaterializedView,
    /** Lists the account's materialized views, a page at a time: {@code GET /v1/materialized-views}. Free. */
    listMaterializedViews,
    /** Drops a materialized view and its schedule: {@code DELETE /v1/materialized-views/{name}}. */
    deleteMaterializedView,
    /** Refreshes a materialized view: {@code POST /v1/materialized-views/{name}/refresh}. Costs credits. */
    refreshMaterializedView,
    /** Reads a query's pipeline, the views it reads as nodes: {@code GET /v1/query/{queryId}/pipeline}. Free. */
    getPipeline,
    /** Executes a query's pipeline: {@code POST /v1/query/{queryId}/pipeline/execute}. Costs credits per node. */
    executePipeline,
    /** Reads a pipeline execution's status, one entry per node: {@code GET /v1/pipelines/executions/{id}/status}. */
    pipelineStatus,
    /** Executes a query's pipeline, waits without holding a thread, and puts each node's execution on the message. */
    runPipeline,
    /** Lists Dune's datasets, a page at a time: {@code GET /v1/datasets}. Free. */
    listDatasets,
    /** Reads a dataset and its columns: {@code GET /v1/datasets/{slug}}. Free. */
    getDataset,
    /** Searches Dune's datasets: {@code POST /v1/datasets/search}. Free. */
    searchDatasets,
    /** Finds the decoded tables of a contract: {@code POST /v1/datasets/search-by-contract}. Free. */
    searchDatasetsByContract;

    /** The operation of a URI's first part, e.g. {@code run}; an unknown one is named with the valid ones. */
    static DuneOperation of(String remaining) {
        for (DuneOperation op : values()) {
            if (op.name().equals(remaining)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown dune operation '" + remaining + "'; valid operations are "
                + java.util.Arrays.toString(values()));
    }
}
