package io.github.cameldune.examples;

import io.github.cameldune.emulator.engine.QueryCatalog;
import io.github.cameldune.emulator.engine.SavedQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A materialized view kept fresh, and the pipeline of a query that reads it, on timers; runs until stopped. With the
 * emulator, its two saved queries are added first; with the real API, point {@code example.source-query-id},
 * {@code example.view} and {@code example.reader-query-id} at your own.
 */
public final class DataProductApp {

    private DataProductApp() {}

    /** Runs the example until it is stopped. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(
                new DataProductRoutes(),
                "data-products.properties",
                args,
                e -> e.queries().add(query("trades-by-chain.sql")).add(query("busiest-chain.sql")));
    }

    /** One of the example's saved queries, for the emulator. */
    static SavedQuery query(String file) {
        try (InputStream in = DataProductApp.class.getResourceAsStream("/data-products/" + file)) {
            return QueryCatalog.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
