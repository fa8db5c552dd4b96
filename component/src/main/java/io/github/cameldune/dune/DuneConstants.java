package io.github.cameldune.dune;

import org.apache.camel.spi.Metadata;

/** The {@code CamelDune*} message headers: inputs that override endpoint options, and outputs. */
public final class DuneConstants {

    /** Input: the saved query to execute, overriding the {@code queryId} option. */
    @Metadata(label = "producer", description = "The saved query id; overrides the queryId option.",
            javaType = "Long")
    public static final String QUERY_ID = "CamelDuneQueryId";

    /** Input: the performance tier, overriding the {@code performance} option. */
    @Metadata(label = "producer", description = "The performance tier (small, medium or large); overrides the "
            + "performance option.", javaType = "String")
    public static final String PERFORMANCE = "CamelDunePerformance";

    /** Input: query parameter values by name, merged over the body and the {@code param.*} options. */
    @Metadata(label = "producer", description = "Query parameter values by name. They win over parameters from "
            + "the body, which win over the endpoint's param.name=value options.", javaType = "java.util.Map<String, Object>")
    public static final String QUERY_PARAMETERS = "CamelDuneQueryParameters";

    /** Output: the execution id Dune assigned. */
    @Metadata(label = "producer", description = "The execution id (a ULID) of the execution.", javaType = "String")
    public static final String EXECUTION_ID = "CamelDuneExecutionId";

    /** Output: the execution state, as Dune spells it. */
    @Metadata(label = "producer", description = "The execution state as Dune spells it, e.g. QUERY_STATE_PENDING.",
            javaType = "String")
    public static final String STATE = "CamelDuneState";

    private DuneConstants() {
    }
}
