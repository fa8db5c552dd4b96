package io.github.cameldune.dune;

import org.apache.camel.spi.Metadata;

/**
 * The {@code CamelDune*} message headers: inputs that override endpoint options, and outputs. Each header's label names
 * the operations that read or write it.
 */
public final class DuneConstants {

    /** Input: the saved query, overriding the {@code queryId} option. */
    @Metadata(
            label = "execute run latestResults getQuery updateQuery upsertMaterializedView getPipeline executePipeline "
                    + "runPipeline",
            description = "Input: the saved query id; overrides the queryId option.",
            javaType = "Long")
    public static final String QUERY_ID = "CamelDuneQueryId";

    /** Input: the performance tier, overriding the {@code performance} option. */
    @Metadata(
            label = "execute executeSql run latestResults upsertMaterializedView refreshMaterializedView getPipeline "
                    + "executePipeline runPipeline",
            description =
                    "Input: the performance tier (small, medium or large); overrides " + "the performance option.",
            javaType = "String")
    public static final String PERFORMANCE = "CamelDunePerformance";

    /** Input: query parameter values by name, merged over the body and the {@code param.*} options. */
    @Metadata(
            label = "execute run latestResults getPipeline executePipeline runPipeline",
            description = "Input: query parameter values by name. They win over parameters "
                    + "from the body, which win over the endpoint's param.name=value options.",
            javaType = "java.util.Map<String, Object>")
    public static final String QUERY_PARAMETERS = "CamelDuneQueryParameters";

    /** Input: the SQL of executeSql and run, overriding the {@code sql} option. */
    @Metadata(
            label = "executeSql run",
            description = "Input: the SQL of executeSql and run; overrides the sql option.",
            javaType = "String")
    public static final String SQL = "CamelDuneSql";

    /** Input and output: the execution id. */
    @Metadata(
            label = "execute executeSql status results resultsCsv latestResults cancel run upsertMaterializedView "
                    + "refreshMaterializedView runPipeline",
            description = "Input of status, results, resultsCsv and cancel (overrides the "
                    + "executionId option); output of every operation that knows the execution.",
            javaType = "String")
    public static final String EXECUTION_ID = "CamelDuneExecutionId";

    /** Input: rows per page of results. */
    @Metadata(
            label = "results resultsCsv latestResults run",
            description = "Input: rows per page of results; overrides the limit option.",
            javaType = "Integer")
    public static final String LIMIT = "CamelDuneLimit";

    /** Input: the first row of the page of results. */
    @Metadata(
            label = "results resultsCsv latestResults run",
            description = "Input: the first row of the page of results; overrides the "
                    + "offset option. Set it from CamelDuneNextOffset to read the next page.",
            javaType = "Long")
    public static final String OFFSET = "CamelDuneOffset";

    /** Input: the result columns to return. */
    @Metadata(
            label = "results resultsCsv latestResults run",
            description = "Input: the result columns to return; overrides the columns option.",
            javaType = "String")
    public static final String COLUMNS = "CamelDuneColumns";

    /** Input: the filter of the rows. */
    @Metadata(
            label = "results resultsCsv latestResults run",
            description = "Input: Dune's filter of the rows; overrides the filters option.",
            javaType = "String")
    public static final String FILTERS = "CamelDuneFilters";

    /** Input: the order of the rows. */
    @Metadata(
            label = "results resultsCsv latestResults run",
            description = "Input: the order of the rows; overrides the sortBy option.",
            javaType = "String")
    public static final String SORT_BY = "CamelDuneSortBy";

    /** Input: the sample size. */
    @Metadata(
            label = "results resultsCsv latestResults run",
            description = "Input: the sample size; overrides the sampleCount option.",
            javaType = "Integer")
    public static final String SAMPLE_COUNT = "CamelDuneSampleCount";

    /** Output: the execution state, as Dune spells it. */
    @Metadata(
            label = "execute executeSql status results latestResults run upsertMaterializedView "
                    + "refreshMaterializedView runPipeline",
            description = "Output: the execution state as Dune spells it, e.g. "
                    + "QUERY_STATE_COMPLETED. With run it is set as soon as it is known, so an error handler sees it.",
            javaType = "String")
    public static final String STATE = "CamelDuneState";

    /** Output: whether the execution is finished. */
    @Metadata(
            label = "status",
            description = "Output of status: whether the execution is in a terminal state.",
            javaType = "Boolean")
    public static final String EXECUTION_FINISHED = "CamelDuneExecutionFinished";

    /** Output: the place in Dune's queue. */
    @Metadata(
            label = "status",
            description = "Output of status: the execution's place in the queue, while " + "pending.",
            javaType = "Integer")
    public static final String QUEUE_POSITION = "CamelDuneQueuePosition";

    /** Output: when the execution was submitted. */
    @Metadata(
            label = "status",
            description = "Output of status: when the execution was submitted.",
            javaType = "java.time.Instant")
    public static final String SUBMITTED_AT = "CamelDuneSubmittedAt";

    /** Output: when the execution ended. */
    @Metadata(
            label = "status results latestResults run",
            description = "Output of status, results and run: when the execution ended.",
            javaType = "java.time.Instant")
    public static final String ENDED_AT = "CamelDuneEndedAt";

    /** Output: what the execution cost. */
    @Metadata(
            label = "status run latestResults",
            description =
                    "Output of status, and of run and latestResults when they executed: the credits the execution cost, where Dune "
                            + "reports it.",
            javaType = "java.math.BigDecimal")
    public static final String EXECUTION_COST_CREDITS = "CamelDuneExecutionCostCredits";

    /** Output: rows in the body. */
    @Metadata(
            label = "results latestResults run",
            description = "Output: the rows in the body (rows output), or in the first page " + "(stream, json).",
            javaType = "Long")
    public static final String ROW_COUNT = "CamelDuneRowCount";

    /** Output: rows in the whole result. */
    @Metadata(
            label = "status results latestResults run",
            description = "Output: the rows of the whole result (after filters).",
            javaType = "Long")
    public static final String TOTAL_ROW_COUNT = "CamelDuneTotalRowCount";

    /** Output: the column names. */
    @Metadata(
            label = "status results latestResults run",
            description = "Output: the result's column names, in order.",
            javaType = "java.util.List<String>")
    public static final String COLUMN_NAMES = "CamelDuneColumnNames";

    /** Output: the column types. */
    @Metadata(
            label = "status results latestResults run",
            description = "Output: the result's column types, as Dune names them.",
            javaType = "java.util.List<String>")
    public static final String COLUMN_TYPES = "CamelDuneColumnTypes";

    /** Output: the result's size as Dune counts it. */
    @Metadata(
            label = "status results latestResults run",
            description = "Output: the whole result's size in bytes as Dune reports it (total_result_set_bytes), "
                    + "what reading it all costs in export credits.",
            javaType = "Long")
    public static final String RESULT_BYTES = "CamelDuneResultBytes";

    /** Output: the offset of the next page. */
    @Metadata(
            label = "results latestResults listQueries listMaterializedViews listDatasets searchDatasets "
                    + "searchDatasetsByContract",
            description = "Output of a single page (rows without fetchAll, json, or a list without fetchAll): the "
                    + "offset of the next page, when more remain.",
            javaType = "Long")
    public static final String NEXT_OFFSET = "CamelDuneNextOffset";

    /** Input and output: the message's request key in the execution journal. */
    @Metadata(
            label = "execute executeSql run",
            description = "With a journal: input, the message's request key (wins over the requestKey option); "
                    + "output, the key the execution was recorded under.",
            javaType = "String")
    public static final String REQUEST_KEY = "CamelDuneRequestKey";

    /** Output: whether the execution was the journal's, not started for this message. */
    @Metadata(
            label = "execute executeSql run",
            description = "Output with a journal: true when the journal held an execution for the request key, "
                    + "which was answered (execute) or waited for and read (run) instead of executing again.",
            javaType = "Boolean")
    public static final String RESUMED = "CamelDuneResumed";

    /** Input: the namespace of a table. */
    @Metadata(
            label = "createTable insert clearTable deleteTable",
            description = "Input: the table's namespace; overrides the namespace option.",
            javaType = "String")
    public static final String NAMESPACE = "CamelDuneNamespace";

    /** Input: the table. */
    @Metadata(
            label = "createTable insert uploadCsv clearTable deleteTable",
            description = "Input: the table's name; overrides the tableName option. Output of uploadCsv: the name "
                    + "Dune gave the table (dataset_ and the tableName).",
            javaType = "String")
    public static final String TABLE_NAME = "CamelDuneTableName";

    /** Output: the rows an insert wrote. */
    @Metadata(label = "insert", description = "Output of insert: the rows written.", javaType = "Long")
    public static final String ROWS_WRITTEN = "CamelDuneRowsWritten";

    /** Output: the bytes an insert wrote. */
    @Metadata(
            label = "insert uploadCsv",
            description = "Output of insert: the bytes Dune counted; of uploadCsv: the bytes of the CSV sent.",
            javaType = "Long")
    public static final String BYTES_WRITTEN = "CamelDuneBytesWritten";

    /** Input and output: a materialized view's name. */
    @Metadata(
            label = "upsertMaterializedView getMaterializedView refreshMaterializedView deleteMaterializedView",
            description =
                    "Input: the view's name (overrides the materializedView option); output of "
                            + "upsertMaterializedView and refreshMaterializedView: the view's full name, dune.OWNER.result_NAME.",
            javaType = "String")
    public static final String MATERIALIZED_VIEW = "CamelDuneMaterializedView";

    /** Input and output: a pipeline execution. */
    @Metadata(
            label = "executePipeline pipelineStatus runPipeline",
            description = "Input of pipelineStatus (overrides the pipelineExecutionId option); output of "
                    + "executePipeline and runPipeline: the pipeline execution's id.",
            javaType = "String")
    public static final String PIPELINE_EXECUTION_ID = "CamelDunePipelineExecutionId";

    /** Output: a pipeline's overall status. */
    @Metadata(
            label = "pipelineStatus runPipeline",
            description = "Output: the pipeline's overall status as Dune reports it (pending, executing, completed, "
                    + "or another value once it failed).",
            javaType = "String")
    public static final String PIPELINE_STATUS = "CamelDunePipelineStatus";

    /** Output: each node of a pipeline run, with its execution and state. */
    @Metadata(
            label = "runPipeline",
            description = "Output of runPipeline: every node, with its execution id and final state (null for a node "
                    + "that never started), also on failure.",
            javaType = "java.util.List<io.github.cameldune.dune.model.PipelineRun.Node>")
    public static final String PIPELINE_NODES = "CamelDunePipelineNodes";

    /** Input: a dataset's full name. */
    @Metadata(
            label = "getDataset",
            description = "Input: the dataset's full name; overrides the datasetName option.",
            javaType = "String")
    public static final String DATASET_NAME = "CamelDuneDatasetName";

    /** Input: the words a dataset search looks for. */
    @Metadata(
            label = "searchDatasets",
            description = "Input: what to look for; overrides the search option.",
            javaType = "String")
    public static final String SEARCH = "CamelDuneSearch";

    /** Input: a contract address. */
    @Metadata(
            label = "searchDatasetsByContract",
            description = "Input: the contract address; overrides the contractAddress option.",
            javaType = "String")
    public static final String CONTRACT_ADDRESS = "CamelDuneContractAddress";

    /** Output: how many entries a list or search has in all. */
    @Metadata(
            label = "listQueries listDatasets searchDatasets searchDatasetsByContract",
            description = "Output: how many entries match in all, over every page.",
            javaType = "Long")
    public static final String TOTAL = "CamelDuneTotal";

    private DuneConstants() {}
}
