package io.github.cameldune.examples;

import io.github.cameldune.dune.DuneConstants;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * Saved queries kept as {@code .sql} files in a folder and deployed by a route: new files create queries, changed
 * ones update them, removed ones are archived, each change recorded in {@link QueryFolder#MAPPING} beside them as soon
 * as Dune made it; then every deployed query is run once with its default parameters and its rows logged. The body
 * after {@code direct:deploy-queries} is one {@code {file, queryId, rows}} map per deployed query.
 */
public class QueriesAsCodeRoutes extends RouteBuilder {

    private static final String OPERATION = "DeployOperation";

    @Override
    public void configure() {
        from("timer:deploy?repeatCount=1")
                .routeId("deploy-on-start")
                .autoStartup("{{example.deploy-on-start}}")
                .to("direct:deploy-queries");

        from("direct:deploy-queries")
                .routeId("deploy-queries")
                .process(e -> e.setProperty(
                        "folder",
                        new QueryFolder(
                                Path.of(e.getContext().resolvePropertyPlaceholders("{{example.queries-dir}}")))))
                .process(e -> e.getMessage().setBody(folder(e).plan()))
                // one change at a time, in order; the first failure stops the deploy, and what was done is recorded
                .split(body())
                .stopOnException()
                .process(e -> {
                    QueryFolder.Change change = e.getMessage().getBody(QueryFolder.Change.class);
                    e.setProperty("change", change);
                    e.setProperty("file", change.file());
                    e.getMessage().setHeader(OPERATION, change.action().operation());
                    e.getMessage().setHeader(DuneConstants.QUERY_ID, change.queryId());
                    e.getMessage().setBody(change.draft());
                })
                .toD("dune:${header." + OPERATION + "}")
                .process(e -> folder(e)
                        .deployed(
                                e.getProperty("change", QueryFolder.Change.class),
                                e.getMessage().getHeader(DuneConstants.QUERY_ID, Long.class)))
                .log("${exchangeProperty.file}: ${header." + OPERATION + "} done, query ${header.CamelDuneQueryId}")
                .end()
                .process(e ->
                        e.getMessage().setBody(List.copyOf(folder(e).queryIds().entrySet())))
                .split(body(), AggregationStrategies.flexible().accumulateInCollection(java.util.ArrayList.class))
                .process(e -> {
                    Map.Entry<?, ?> deployed = e.getMessage().getBody(Map.Entry.class);
                    e.setProperty("file", deployed.getKey());
                    e.getMessage().setHeader(DuneConstants.QUERY_ID, deployed.getValue());
                    e.getMessage().setBody(null);
                })
                .to("dune:run?pollInitialDelay=200ms&pollInterval=200ms")
                .log("${exchangeProperty.file} (query ${header.CamelDuneQueryId}): ${body}")
                .process(e -> e.getMessage()
                        .setBody(Map.of(
                                "file", e.getProperty("file"),
                                "queryId", e.getMessage().getHeader(DuneConstants.QUERY_ID),
                                "rows", e.getMessage().getBody())))
                .end();
    }

    private static QueryFolder folder(org.apache.camel.Exchange e) {
        return e.getProperty("folder", QueryFolder.class);
    }
}
