package io.github.cameldune.benchmarks;

import io.github.cameldune.examples.ExampleRunner;
import io.github.cameldune.examples.KafkaReplicaRoutes;
import org.apache.camel.main.Main;

/**
 * One replica of the example {@link KafkaReplicaRoutes}, as the replicas benchmark starts it: base URL, API key,
 * Kafka bootstrap servers, replica name, and the suffix of the run's topics and consumer group.
 */
public final class ReplicaProcess {

    private ReplicaProcess() {}

    /** Runs until killed. */
    public static void main(String[] args) throws Exception {
        String run = args[4];
        Main app = ExampleRunner.create(new KafkaReplicaRoutes(), "kafka-replicas.properties", null);
        app.addOverrideProperty("camel.component.dune.base-url", args[0]);
        app.addOverrideProperty("camel.component.dune.api-key", args[1]);
        app.addOverrideProperty("example.brokers", args[2]);
        app.addOverrideProperty("example.replica", args[3]);
        app.addOverrideProperty("example.query-id", "9050");
        app.addOverrideProperty("example.group", "dune-runners-" + run);
        app.addOverrideProperty("example.requests-topic", "dune-requests-" + run);
        app.addOverrideProperty("example.results-topic", "dune-results-" + run);
        app.addOverrideProperty("example.dead-letter-topic", "dune-dead-letters-" + run);
        app.addOverrideProperty("camel.beans.journal.topic", "dune-journal-" + run);
        app.run();
    }
}
