package io.github.cameldune.examples;

/**
 * One replica of {@link KafkaReplicaRoutes}; start several against one broker at {@code example.brokers} (default
 * {@code localhost:9092}). Runs until stopped.
 */
public final class KafkaReplicaApp {

    private KafkaReplicaApp() {}

    /** Runs the replica until it is stopped. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new KafkaReplicaRoutes(), "kafka-replicas.properties", args);
    }
}
