package io.github.cameldune.emulator;

/**
 * The Dune API endpoints the emulator answers, as faults, rate limits and request counts name them, each with the
 * rate-limit bucket Dune counts it against.
 */
public enum ApiEndpoint {
    /** {@code POST /v1/query/{id}/execute}. */
    EXECUTE(Bucket.WRITE),
    /** {@code POST /v1/sql/execute}. */
    SQL_EXECUTE(Bucket.WRITE),
    /** {@code GET /v1/execution/{id}/status}. */
    STATUS(Bucket.READ),
    /** {@code GET /v1/execution/{id}/results}, its CSV variant and the latest results of a query. */
    RESULTS(Bucket.READ),
    /** {@code POST /v1/execution/{id}/cancel}. */
    CANCEL(Bucket.READ),
    /** {@code POST /v1/usage}: free, a read despite the POST. */
    USAGE(Bucket.READ),
    /** {@code POST /v1/uploads} (and {@code /v1/table/create}): an empty table. */
    UPLOAD_CREATE(Bucket.WRITE),
    /** {@code POST /v1/uploads/{namespace}/{table}/insert} (and {@code /v1/table/...}): rows appended. */
    UPLOAD_INSERT(Bucket.WRITE),
    /** {@code POST /v1/uploads/csv} (and {@code /v1/table/upload/csv}): a table made or replaced from one CSV. */
    UPLOAD_CSV(Bucket.WRITE),
    /** {@code POST /v1/uploads/{namespace}/{table}/clear} (and {@code /v1/table/...}). */
    UPLOAD_CLEAR(Bucket.WRITE),
    /** {@code DELETE /v1/uploads/{namespace}/{table}} (and {@code /v1/table/...}). */
    UPLOAD_DELETE(Bucket.WRITE),
    /** {@code GET /v1/uploads} (and {@code /v1/tables}): free. */
    UPLOAD_LIST(Bucket.READ),
    /** {@code POST /v1/query}: a new saved query. */
    QUERY_CREATE(Bucket.WRITE),
    /** {@code GET /v1/query/{id}}. */
    QUERY_READ(Bucket.READ),
    /** {@code GET /v1/queries}: the account's own queries, a page at a time. */
    QUERY_LIST(Bucket.READ),
    /** {@code PATCH /v1/query/{id}}: a new version. */
    QUERY_UPDATE(Bucket.WRITE),
    /** {@code POST /v1/query/{id}/archive}, {@code /unarchive}, {@code /private}, {@code /unprivate}. */
    QUERY_STATE(Bucket.WRITE),
    /** {@code POST /v1/materialized-views}: creates or replaces a view, and refreshes it. */
    MATVIEW_UPSERT(Bucket.WRITE),
    /** {@code GET /v1/materialized-views} and {@code GET /v1/materialized-views/{name}}: free. */
    MATVIEW_READ(Bucket.READ),
    /** {@code DELETE /v1/materialized-views/{name}}. */
    MATVIEW_DELETE(Bucket.WRITE),
    /** {@code POST /v1/materialized-views/{name}/refresh}: a billed execution. */
    MATVIEW_REFRESH(Bucket.WRITE),
    /** {@code GET /v1/query/{id}/pipeline}: a query's lineage; free. */
    PIPELINE_READ(Bucket.READ),
    /** {@code POST /v1/query/{id}/pipeline/execute} and {@code POST /v1/pipelines/execute}: billed executions. */
    PIPELINE_EXECUTE(Bucket.WRITE),
    /** {@code GET /v1/pipelines/executions/{id}/status}. */
    PIPELINE_STATUS(Bucket.READ),
    /** {@code GET /v1/datasets} and {@code GET /v1/datasets/{slug}}: free. */
    DATASETS(Bucket.READ),
    /** {@code POST /v1/datasets/search} and {@code /v1/datasets/search-by-contract}: free reads despite the POST. */
    DATASET_SEARCH(Bucket.READ);

    /** Dune's two per-minute rate limits: the low one for writes, the high one for reads. */
    public enum Bucket {
        /** Executions and other writes. */
        WRITE,
        /** Status, results, cancel. */
        READ
    }

    private final Bucket bucket;

    ApiEndpoint(Bucket bucket) {
        this.bucket = bucket;
    }

    /** The rate-limit bucket a request to this endpoint counts against. */
    public Bucket bucket() {
        return bucket;
    }
}
