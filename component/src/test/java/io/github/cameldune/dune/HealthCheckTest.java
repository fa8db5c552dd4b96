package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.exception.DuneAuthenticationException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.util.Collection;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The producer health check: UP when Dune accepts the key, DOWN with the reason when not, no flapping. */
@Timeout(120)
class HealthCheckTest extends DuneTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        // every check's result, not only the failing ones
        registry.setExposureLevel("full");
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to("dune:status?maxRetries=0&connectTimeout=9s");
                from("direct:bad").to("dune:status?apiKey=wrong-key-12345&responseTimeout=7s&maxRetries=0");
            }
        };
    }

    private HealthCheck.Result check(String uriPart) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        return results.stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:dune-"))
                .filter(r -> String.valueOf(r.getDetails().get("endpoint")).contains(uriPart))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void upWithAGoodKeyDownWithTheReasonWithABadOne() {
        assertThat(check("connectTimeout=9s").getState()).isEqualTo(HealthCheck.State.UP);
        HealthCheck.Result bad = check("responseTimeout=7s");
        assertThat(bad.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(bad.getMessage())
                .hasValueSatisfying(
                        m -> assertThat(m).isEqualTo("Dune rejected the API key: HTTP 401 invalid API Key"));
        assertThat(bad.getDetails().toString()).doesNotContain("wrong-key-12345");
        assertThat(requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(executionsCreated()).as("checking costs nothing").isZero();
    }

    @Test
    void aTransientFailureDoesNotFlap() {
        // the route with the wrong key gets its 401 first: the three failures are this route's
        emulator().faults().add(Fault.status(503, "busy").on(ApiEndpoint.STATUS).times(3));
        assertThat(check("connectTimeout=9s").getState()).as("first failure").isEqualTo(HealthCheck.State.UP);
        assertThat(check("connectTimeout=9s").getState()).as("second failure").isEqualTo(HealthCheck.State.UP);
        HealthCheck.Result third = check("connectTimeout=9s");
        assertThat(third.getState()).as("third in a row").isEqualTo(HealthCheck.State.DOWN);
        assertThat(third.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("3 checks in a row"));
        assertThat(check("connectTimeout=9s").getState()).as("recovered").isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void oneCheckPerBaseUrlAndKeyWithAnIdThatIsTheSameOnEveryStart() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:again").to("dune:status?maxRetries=1");
                from("direct:andAgain").to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME);
            }
        });
        List<String> ids = HealthCheckHelper.invoke(context).stream()
                .map(r -> r.getCheck().getId())
                .filter(id -> id.startsWith("producer:dune-"))
                .sorted()
                .toList();
        String host = "127.0.0.1-" + emulator().port() + "-api";
        assertThat(ids)
                .as("the emulator's URL with the component's key, and with the wrong key")
                .containsExactly("producer:dune-dune-" + host, "producer:dune-dune-" + host + "-2");
        // and the docs say so
        for (String doc : List.of("user-guide.adoc", "dune-component.adoc")) {
            assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("..", "src-docs", doc)))
                    .as(doc)
                    .contains("producer:dune-<component>-<host and path>");
        }
        assertThat(String.join(" ", ids))
                .doesNotContain("wrong-key-12345")
                .doesNotContain(emulator().apiKey());
    }

    @Test
    void aRejectedKeyCanFailTheStart() throws Exception {
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        dune.setValidateApiKeyOnStart(true);
        try {
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:rejected")
                                    .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                                            + "&apiKey=another-wrong-key");
                        }
                    }))
                    .hasRootCauseInstanceOf(DuneAuthenticationException.class)
                    .rootCause()
                    .hasMessageNotContaining("another-wrong-key");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:accepted")
                            .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&responseTimeout=8s");
                }
            });
        } finally {
            dune.setValidateApiKeyOnStart(false);
        }
        assertThat(requests()).allSatisfy(r -> assertThat(r.path()).endsWith("/status"));
        assertThat(executionsCreated()).isZero();
    }

    @Test
    void aKeyTheServerEchoesStaysOutOfTheHealthDetails() {
        emulator()
                .faults()
                .add(Fault.status(401, "key " + emulator().apiKey() + " is not valid")
                        .on(ApiEndpoint.STATUS));
        HealthCheck.Result result = check("connectTimeout=9s");
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("key xxxxxx is not valid"));
        assertThat(result.getMessage().orElseThrow() + result.getDetails())
                .doesNotContain(emulator().apiKey());
    }
}
