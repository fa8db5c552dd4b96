package io.github.cameldune.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The README's main example: a timer runs a saved query, waits for it, shows the rows and writes them as a CSV file.
 */
public class TimerRunRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:run?repeatCount={{example.repeat-count}}")
                .routeId("timer-run")
                // the query parameters as a JSON body
                .setBody(constant("{{example.parameters}}"))
                .to("dune:run?queryId={{example.query-id}}&outputType=csv&pollInitialDelay=500ms&pollInterval=500ms")
                // a small result: show it; for a large one, write the stream straight to the file
                .convertBodyTo(String.class)
                .log("Dune execution ${header.CamelDuneExecutionId} ended ${header.CamelDuneState}:\n${body}")
                .to("file:{{example.output-dir}}?fileName={{example.output-file}}")
                .log("Wrote {{example.output-dir}}/{{example.output-file}}");
    }
}
