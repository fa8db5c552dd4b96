package io.github.cameldune.examples;

import io.github.cameldune.dune.DuneConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * One replica of an application that several run side by side, in one Kafka consumer group: each request on the
 * requests topic (a JSON object of query parameters) is run with {@code dune:run} under the execution journal, a
 * compacted topic the replicas share, so a request redelivered after a replica died is not executed again. Its rows
 * go, as JSON, to the results topic under the request's Kafka key, with the {@code dune-request-key},
 * {@code dune-execution-id} and {@code dune-resumed} headers; a request that fails goes to the dead-letter topic with
 * {@code dune-request-key} and {@code dune-error}. Each step is logged as {@code replica <name> start|done|failed
 * <request key>}.
 */
public class KafkaReplicaRoutes extends RouteBuilder {

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("kafka:{{example.dead-letter-topic}}?brokers={{example.brokers}}")
                .onPrepareFailure(e -> {
                    Exception error = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    e.getMessage().setHeader("dune-request-key", e.getMessage().getHeader(DuneConstants.REQUEST_KEY));
                    e.getMessage()
                            .setHeader("dune-error", error.getClass().getSimpleName() + ": " + error.getMessage());
                })
                .log("replica {{example.replica}} failed ${header.CamelDuneRequestKey}"));

        from("kafka:{{example.requests-topic}}?brokers={{example.brokers}}&groupId={{example.group}}"
                        + "&consumersCount={{example.consumers}}&maxPollRecords=5&autoOffsetReset=earliest"
                        + "&autoCommitIntervalMs=1000&sessionTimeoutMs=6000&heartbeatIntervalMs=1000")
                .routeId("dune-requests")
                // the journal's default request key: the record's topic-partition@offset, the same on redelivery
                .log("replica {{example.replica}} start ${header.CamelKafkaTopic}-${header.CamelKafkaPartition}"
                        + "@${header.CamelKafkaOffset}")
                .to("dune:run?queryId={{example.query-id}}&journal=#journal&pollInitialDelay=20ms&pollInterval=20ms")
                .setHeader("dune-request-key", header(DuneConstants.REQUEST_KEY))
                .setHeader("dune-execution-id", header(DuneConstants.EXECUTION_ID))
                .setHeader("dune-resumed", header(DuneConstants.RESUMED).convertToString())
                .marshal()
                .json()
                .to("kafka:{{example.results-topic}}?brokers={{example.brokers}}")
                .log("replica {{example.replica}} done ${header.CamelDuneRequestKey}");
    }
}
