package io.github.cameldune.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * camel-dune's scheduled consumer refreshes the query and logs its rows; {@code direct:run} runs it on demand. Camel
 * Quarkus finds the class by itself.
 */
public class DuneRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("dune:run?queryId={{example.query-id}}&initialDelay=0&delay={{example.period}}")
                .routeId("dune-refresh")
                .log("Dune execution ${header.CamelDuneExecutionId} ended ${header.CamelDuneState}");
        from("direct:run").routeId("dune-run").to("dune:run?queryId={{example.query-id}}");
    }
}
