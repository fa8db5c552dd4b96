package io.github.cameldune.examples;

/**
 * Executions requested over Kafka, results published to Kafka. Needs a broker at {@code example.brokers}
 * (default {@code localhost:9092}); runs until stopped.
 */
public final class KafkaApp {

    private KafkaApp() {}

    /** Runs the example until it is stopped. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new KafkaRoutes(), "kafka.properties", args);
    }
}
