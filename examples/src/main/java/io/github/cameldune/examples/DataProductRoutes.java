package io.github.cameldune.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * A data product on Dune: a saved query's result kept as a materialized view, refreshed by a route on a timer, and the
 * pipeline of a query that reads the view run on another timer, each node and what it cost logged.
 */
public class DataProductRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // once: the view of the source query, with a schedule Dune runs too; then the two timers start
        from("timer:upsert-view?repeatCount=1")
                .routeId("upsert-view")
                .to("dune:upsertMaterializedView?queryId={{example.source-query-id}}"
                        + "&materializedView={{example.view-name}}&cronExpression={{example.cron}}"
                        + "&waitForCompletion=true")
                .log("${header.CamelDuneMaterializedView} is ready: refresh ${header.CamelDuneExecutionId} cost "
                        + "${header.CamelDuneExecutionCostCredits} credits")
                .to("controlbus:route?routeId=keep-fresh&action=start")
                .to("controlbus:route?routeId=pipeline&action=start");

        from("timer:keep-fresh?period={{example.refresh-period}}&repeatCount={{example.refreshes}}")
                .routeId("keep-fresh")
                .autoStartup(false)
                .to("dune:refreshMaterializedView?materializedView={{example.view}}&waitForCompletion=true"
                        + "&waitTimeout=20m")
                .log("refreshed ${header.CamelDuneMaterializedView} in ${header.CamelDuneExecutionId}: "
                        + "${header.CamelDuneExecutionCostCredits} credits");

        from("timer:pipeline?period={{example.pipeline-period}}&repeatCount={{example.pipelines}}")
                .routeId("pipeline")
                .autoStartup(false)
                .to("dune:runPipeline?queryId={{example.reader-query-id}}&readResults=true&waitTimeout=30m")
                .log("pipeline ${header.CamelDunePipelineExecutionId} ${header.CamelDunePipelineStatus}: ${body}")
                .split(header("CamelDunePipelineNodes"))
                .log("  node ${body.id} ${body.materializedView}${body.queryId}: ${body.state}, "
                        + "${body.credits} credits (execution ${body.executionId})");
    }
}
