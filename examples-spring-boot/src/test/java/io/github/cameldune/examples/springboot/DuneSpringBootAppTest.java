package io.github.cameldune.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.dune.DuneComponent;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.SecurityPolicyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring Boot example against the emulator: {@code application.yml} configures the component, the timer's run
 * completes, Actuator's health shows the component's health check UP, neither {@code configprops} nor
 * {@code env} shows the key, and Camel's security policy finds no key in plain text.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,configprops,env")
@Timeout(120)
class DuneSpringBootAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry properties) {
        properties.add("DUNE_BASE_URL", () -> DUNE.emulator().baseUrl());
        properties.add("DUNE_API_KEY", () -> DUNE.emulator().apiKey());
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    SecurityPolicyResult securityPolicy;

    @Test
    void theTimersRunCompletesAndActuatorShowsTheDuneHealthCheck() throws Exception {
        DuneComponent dune = camel.getComponent("dune", DuneComponent.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> dune.getExecutionsCompleted() >= 1);
        assertThat(dune.getExecutionsCompleted()).isEqualTo(1);
        assertThat(dune.getCreditBudget()).as("from application.yml").isEqualTo(500.0);
        assertThat(dune.getConfiguration().getApiKey())
                .as("{{DUNE_API_KEY}} resolved by Camel from Spring's environment")
                .isEqualTo(DUNE.emulator().apiKey());
        assertThat(securityPolicy.getViolations())
                .as("Camel's SECURITY WARNINGs")
                .isEmpty();

        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode details = new ObjectMapper().readTree(health.body()).at("/components/camelHealth/details");
        assertThat(health.body()).doesNotContain(DUNE.emulator().apiKey());
        String check = null;
        for (var names = details.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("producer:dune-") && !name.endsWith(".data")) {
                check = name;
            }
        }
        assertThat(check).as("the dune check in %s", health.body()).isNotNull();
        assertThat(details.get(check).asText()).isEqualTo("UP");

        for (String endpoint : new String[] {"/actuator/configprops", "/actuator/env"}) {
            String body = get(endpoint);
            assertThat(body)
                    .as(endpoint)
                    .contains("camel.component.dune")
                    .doesNotContain(DUNE.emulator().apiKey());
        }
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
