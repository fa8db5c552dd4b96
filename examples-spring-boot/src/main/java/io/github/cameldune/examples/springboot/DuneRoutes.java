package io.github.cameldune.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** A timer runs the query and logs its rows. */
@Component
public class DuneRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:dune?period={{example.period}}")
                .routeId("dune-run")
                .to("dune:run?queryId={{example.query-id}}")
                .log("Dune execution ${header.CamelDuneExecutionId} gave ${body.size()} rows");
    }
}
