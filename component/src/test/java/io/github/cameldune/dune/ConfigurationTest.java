package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.SampleQuery;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How users configure the component: Camel Main properties with a placeholder for the key, YAML routes, URIs. */
@Timeout(120)
class ConfigurationTest {

    /** Surefire sets DUNE_API_KEY for this module's tests; the emulator accepts only that key. */
    private static final String ENV_KEY = System.getenv("DUNE_API_KEY");

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension(b -> b.apiKey(ENV_KEY));

    @Test
    void camelMainBindsTheKeyFromTheEnvironmentAndTheBaseUrl() throws Exception {
        assertThat(ENV_KEY).as("set by surefire").isNotBlank();
        Main main = new Main();
        main.addInitialProperty("camel.component.dune.api-key", "{{env:DUNE_API_KEY}}");
        main.addInitialProperty("camel.component.dune.base-url", DUNE.emulator().baseUrl());
        main.addInitialProperty("camel.component.dune.performance", "medium");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:main").to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME);
            }
        });
        main.start();
        try {
            DuneComponent dune = main.getCamelContext().getComponent("dune", DuneComponent.class);
            assertThat(dune.getConfiguration().getApiKey()).isEqualTo(ENV_KEY);
            assertThat(dune.getConfiguration().getBaseUrl())
                    .isEqualTo(DUNE.emulator().baseUrl());
            main.getCamelTemplate().sendBody("direct:main", null);
        } finally {
            main.stop();
        }
        RecordedRequest request = DUNE.emulator().requests().get(0);
        assertThat(request.header("X-Dune-Api-Key")).isEqualTo(ENV_KEY);
        assertThat(request.body()).contains("\"performance\":\"medium\"");
    }

    @Test
    void aYamlRouteWithParametersWorks() throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: direct:yaml
                      steps:
                        - to:
                            uri: dune:execute
                            parameters:
                              queryId: 1006
                              performance: large
                              param.text_field: from yaml
                """;
        try (CamelContext context = new DefaultCamelContext()) {
            DuneComponent dune = new DuneComponent();
            dune.getConfiguration().setApiKey(ENV_KEY);
            dune.getConfiguration().setBaseUrl(DUNE.emulator().baseUrl());
            context.addComponent("dune", dune);
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("dune.yaml", yaml));
            context.start();
            String executionId = context.createProducerTemplate().requestBody("direct:yaml", null, String.class);
            assertThat(executionId).contains("execution_id");
        }
        RecordedRequest request = DUNE.emulator().requests().get(0);
        assertThat(request.path()).isEqualTo("/api/v1/query/" + SampleQuery.PARAMETER_ECHO + "/execute");
        assertThat(request.body())
                .isEqualTo("{\"query_parameters\":{\"text_field\":\"from yaml\"},\"performance\":\"large\"}");
    }

    @Test
    void endpointOptionsOverrideComponentOptionsWithoutChangingThem() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            DuneComponent dune = new DuneComponent();
            dune.getConfiguration().setApiKey("component-key");
            dune.getConfiguration().setPerformance("medium");
            dune.getConfiguration().setQueryParameters(Map.of("a", "component"));
            context.addComponent("dune", dune);
            DuneEndpoint endpoint = context.getEndpoint(
                    "dune:execute?performance=large&queryId=7&param.b=uri&connectTimeout=5s&responseTimeout=2m",
                    DuneEndpoint.class);
            DuneConfiguration config = endpoint.getConfiguration();
            assertThat(config.getPerformance()).isEqualTo("large");
            assertThat(config.getQueryId()).isEqualTo(7L);
            assertThat(config.getApiKey()).isEqualTo("component-key");
            assertThat(config.getQueryParameters()).isEqualTo(Map.of("a", "component", "b", "uri"));
            assertThat(config.getConnectTimeout()).isEqualTo(5_000);
            assertThat(config.getResponseTimeout()).isEqualTo(120_000);
            assertThat(dune.getConfiguration().getPerformance()).isEqualTo("medium");
            assertThat(dune.getConfiguration().getQueryParameters()).isEqualTo(Map.of("a", "component"));
        }
    }

    @Test
    void unknownOperationsListTheValidOnes() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint("dune:exceute?queryId=1"))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .rootCause()
                    .hasMessageContaining("Unknown dune operation 'exceute'")
                    .hasMessageContaining(
                            "[execute, executeSql, status, results, resultsCsv, latestResults, cancel, run, ")
                    .hasMessageContaining("listDatasets, getDataset, searchDatasets, searchDatasetsByContract]");
        }
    }

    @Test
    void aRouteWithoutKeyFailsToStartWithAClearMessage() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:nokey").to("dune:execute?queryId=1");
                }
            });
            assertThatThrownBy(context::start)
                    .rootCause()
                    .hasMessageContaining("No Dune API key")
                    .hasMessageContaining("camel.component.dune.api-key");
        }
    }
}
