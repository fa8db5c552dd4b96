package io.github.cameldune.examples;

import io.github.cameldune.emulator.engine.QueryCatalog;
import io.github.cameldune.emulator.engine.SavedQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Kafka events batched into Dune inserts, then a saved query joining the uploaded table. Needs a broker at
 * {@code example.brokers} (default {@code localhost:9092}); runs until stopped.
 */
public final class KafkaBatchApp {

    private KafkaBatchApp() {}

    /** Runs the example until it is stopped; the emulator gets the join query first. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(
                new KafkaBatchRoutes(),
                "kafka-batch.properties",
                args,
                e -> e.queries().add(joinQuery()));
    }

    /** The saved query joining the uploaded labels with the trades, for the emulator. */
    static SavedQuery joinQuery() {
        try (InputStream in = KafkaBatchApp.class.getResourceAsStream("/kafka-batch/labelled-volume.sql")) {
            return QueryCatalog.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "labelled-volume.sql");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
