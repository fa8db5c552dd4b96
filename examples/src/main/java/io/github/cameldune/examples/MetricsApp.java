package io.github.cameldune.examples;

/**
 * camel-dune's meters on a Prometheus scrape endpoint and its dev console over HTTP, while a timer runs a query and a
 * broken one: {@code http://127.0.0.1:9464/metrics} and {@code http://127.0.0.1:9464/q/dev/dune}.
 */
public final class MetricsApp {

    private MetricsApp() {}

    /** Runs the example until stopped (Ctrl+C). */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new MetricsRoutes(), "metrics.properties", args);
    }
}
