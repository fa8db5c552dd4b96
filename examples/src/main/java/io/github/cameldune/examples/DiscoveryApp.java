package io.github.cameldune.examples;

/**
 * Finds a contract's decoded tables in Dune's catalog and counts its rows in each, on their partition columns, into
 * {@code target/dune-results/contract-tables.csv}; stops when done.
 */
public final class DiscoveryApp {

    private DiscoveryApp() {}

    /** Runs the example once. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new DiscoveryRoutes(), "discovery.properties", args);
    }
}
