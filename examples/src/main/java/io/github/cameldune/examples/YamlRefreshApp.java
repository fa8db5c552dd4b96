package io.github.cameldune.examples;

/**
 * A scheduled refresh written in YAML ({@code routes/scheduled-refresh.camel.yaml}): a {@code dune:run} consumer
 * executes the query on a schedule and writes each result as CSV.
 */
public final class YamlRefreshApp {

    private YamlRefreshApp() {}

    /** Runs the example until its messages are done. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(null, "yaml-refresh.properties", args);
    }
}
