package io.github.cameldune.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * JSON files of query parameters dropped into {@code inbox/} each run the query; the result goes to
 * {@code results/<name>.csv} and the request to {@code done/}. A request that cannot run (bad JSON, an unknown
 * parameter, a Dune error) goes to {@code error/}, next to {@code <name>.error.txt} saying why. Nothing is lost.
 */
public class FileDropRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // not handled: the exception stays on the exchange, so the file consumer moves the request to error/
        onException(Exception.class)
                .handled(false)
                .setBody(simple("${file:name} failed: ${exception.message}\n"))
                .to("file:{{example.dir}}/error?fileName=${file:onlyname.noext}.error.txt")
                .log("${file:name} moved to error/: ${exception.message}");

        from("file:{{example.dir}}/inbox?include=.*\\.json&move=../done&moveFailed=../error"
                        + "&initialDelay=0&delay={{example.poll-delay}}")
                .routeId("file-drop")
                .to("dune:run?queryId={{example.query-id}}&outputType=csv&pollInitialDelay=200ms&pollInterval=200ms")
                .to("file:{{example.dir}}/results?fileName=${file:onlyname.noext}.csv")
                .log("${file:name}: result written to results/${file:onlyname.noext}.csv");
    }
}
