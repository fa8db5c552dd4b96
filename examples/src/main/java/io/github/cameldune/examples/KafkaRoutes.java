package io.github.cameldune.examples;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/**
 * Executions requested over Kafka. Messages on the requests topic, {@code {"query_id": 1003, "parameters": {...}}},
 * start executions; their {@code {"execution_id": ..., "state": ...}} go to the executions topic. A second route reads
 * that topic, waits for each execution to finish and puts its rows, as a JSON array, on the results topic.
 */
public class KafkaRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{example.requests-topic}}?brokers={{example.brokers}}&groupId=dune-execute"
                + "&autoOffsetReset=earliest")
                .routeId("kafka-execute")
                .unmarshal().json(Map.class)
                .setHeader("CamelDuneQueryId", simple("${body[query_id]}"))
                // a Map body becomes the query parameters
                .setBody(simple("${body[parameters]}"))
                .to("dune:execute")
                .convertBodyTo(String.class)
                .to("kafka:{{example.executions-topic}}?brokers={{example.brokers}}")
                .log("Execution ${header.CamelDuneExecutionId} of query ${header.CamelDuneQueryId} started");

        from("kafka:{{example.executions-topic}}?brokers={{example.brokers}}&groupId=dune-results"
                + "&autoOffsetReset=earliest")
                .routeId("kafka-results")
                .unmarshal().json(Map.class)
                .setHeader("CamelDuneExecutionId", simple("${body[execution_id]}"))
                .to("dune:results?waitForCompletion=true&fetchAll=true&pollInitialDelay=500ms&pollInterval=500ms")
                .marshal().json()
                .to("kafka:{{example.results-topic}}?brokers={{example.brokers}}")
                .log("Results of execution ${header.CamelDuneExecutionId} published");
    }
}
