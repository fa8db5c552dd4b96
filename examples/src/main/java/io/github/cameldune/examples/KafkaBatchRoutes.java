package io.github.cameldune.examples;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * Data into Dune from Kafka: JSON events on the events topic ({@code {"wallet", "label", "seen_at"}}) are batched by
 * Camel's aggregator, at {@code example.batch-size} events or {@code example.batch-timeout} ms, whichever comes
 * first, and each batch is one {@code dune:insert} (a list of maps, written as NDJSON: one request, one credit at
 * least, instead of one a message), one batch after the other. After each insert a saved query joining the table with
 * the on-chain trades runs, and its rows go to the results topic. The table is created with the first batch (an existing one of the same schema
 * is kept).
 */
public class KafkaBatchRoutes extends RouteBuilder {

    private static final String TABLE = "namespace={{example.namespace}}&tableName={{example.table}}";
    private static final String BATCHES = "seda:insert-batch?size=4";

    private final AtomicBoolean tableReady = new AtomicBoolean();

    @Override
    public void configure() {
        from("kafka:{{example.events-topic}}?brokers={{example.brokers}}&groupId=dune-batch&autoOffsetReset=earliest")
                .routeId("kafka-batch")
                .unmarshal()
                .json(Map.class)
                // the aggregator holds a batch in memory: events of a batch not yet inserted are lost with the JVM
                // unless it uses a persistent AggregationRepository
                .aggregate(
                        constant(true),
                        AggregationStrategies.flexible(Map.class).accumulateInCollection(ArrayList.class))
                .completionSize("{{example.batch-size}}")
                .completionTimeout("{{example.batch-timeout}}")
                // the aggregator sends a batch on without waiting for it: a queue of a few, taken by one thread that
                // waits for each insert and join (synchronous=true), keeps the inserts into the table in order and
                // holds the topic back when Dune is slower than it
                .to(BATCHES + "&blockWhenFull=true");

        from(BATCHES)
                .routeId("insert-batch")
                .filter(e -> !tableReady.get())
                // the batch stays the body: the create's answer is dropped
                .enrich(
                        "dune:createTable?synchronous=true&" + TABLE
                                + "&schema=wallet:varbinary!,label:varchar!,seen_at:timestamp",
                        AggregationStrategies.useOriginal())
                .process(e -> tableReady.set(true))
                .end()
                .to("dune:insert?synchronous=true&" + TABLE)
                .log("Inserted ${header.CamelDuneRowsWritten} rows into {{example.table}}")
                .setBody(constant(null))
                .to(
                        "dune:run?synchronous=true&queryId={{example.join-query-id}}&pollInitialDelay=200ms&pollInterval=200ms")
                .marshal()
                .json()
                .to("kafka:{{example.results-topic}}?brokers={{example.brokers}}")
                .log("Joined result published: ${body}");
    }
}
