package io.github.cameldune.examples;

import org.apache.camel.builder.RouteBuilder;

/** Runs a query on a schedule and posts its rows as JSON to a webhook (camel-http, camel-jackson). */
public class WebhookRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:webhook?repeatCount={{example.repeat-count}}&period={{example.period}}")
                .routeId("webhook")
                .to("dune:run?queryId={{example.query-id}}&pollInitialDelay=500ms&pollInterval=500ms")
                .marshal()
                .json()
                .setHeader("Content-Type", constant("application/json"))
                .to("{{example.webhook-url}}")
                .log("Posted ${header.CamelDuneTotalRowCount} rows of execution ${header.CamelDuneExecutionId}; "
                        + "the webhook answered ${header.CamelHttpResponseCode}");
    }
}
