package io.github.cameldune.examples;

import org.apache.camel.builder.RouteBuilder;

/** A timer starts one execution of a saved query; the execution id and state are logged. */
public class TimerExecuteRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:execute?repeatCount={{example.repeat-count}}&period={{example.period}}")
                .routeId("timer-execute")
                .to("dune:execute?queryId={{example.query-id}}&performance={{example.performance}}")
                .log("Dune execution ${header.CamelDuneExecutionId} of query {{example.query-id}} is "
                        + "${header.CamelDuneState}")
                .log("Body as JSON: ${bodyAs(String)}");
    }
}
