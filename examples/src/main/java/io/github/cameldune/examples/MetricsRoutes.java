package io.github.cameldune.examples;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.builder.RouteBuilder;

/**
 * A query run on a timer and a broken SQL run beside it, with camel-dune's figures on show: a Prometheus registry in
 * the Camel registry (camel-dune binds its meters to it) scraped at {@code /metrics}, and the {@code dune} dev console
 * at {@code /q/dev/dune}, served by {@link MetricsHttpServer} on {@code example.metrics-port}.
 */
public class MetricsRoutes extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        getContext().getRegistry().bind("meterRegistry", prometheus);
        getContext()
                .addService(new MetricsHttpServer(
                        prometheus,
                        getContext().resolvePropertyPlaceholders("{{example.metrics-host}}"),
                        Integer.parseInt(getContext().resolvePropertyPlaceholders("{{example.metrics-port}}"))));

        from("timer:refresh?period={{example.period}}")
                .routeId("metrics-run")
                .to("dune:run?queryId={{example.query-id}}&pollInitialDelay=200ms&pollInterval=200ms")
                .log("Dune execution ${header.CamelDuneExecutionId} cost ${header.CamelDuneExecutionCostCredits}"
                        + " credits");

        // fails in Dune every time: dune_executions_total{outcome="failed"} shows it
        from("timer:broken?period={{example.period}}")
                .routeId("metrics-broken")
                .onException(Exception.class)
                .handled(true)
                .log("The broken query failed as expected: ${exception.message}")
                .end()
                .setHeader("CamelDuneSql", constant("SELECT * FROM no_such_table"))
                .to("dune:run?pollInitialDelay=200ms&pollInterval=200ms");
    }
}
