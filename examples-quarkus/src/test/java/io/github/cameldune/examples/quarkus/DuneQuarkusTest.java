package io.github.cameldune.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.DuneComponent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Quarkus application in JVM mode against the emulator: the component is configured and runs queries. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@Timeout(120)
class DuneQuarkusTest {

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate template;

    @Test
    void theComponentIsConfiguredAndARunGivesRows() throws Exception {
        DuneComponent dune = camel.getComponent("dune", DuneComponent.class);
        assertThat(dune.getConfiguration().getBaseUrl()).isEqualTo(EmulatorResource.emulator.baseUrl());
        assertThat(dune.getCreditBudget()).isEqualTo(500.0);
        List<?> rows = template.requestBody("direct:run", null, List.class);
        assertThat(rows).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> dune.getExecutionsCompleted() >= 2);
        assertThat(dune.getExecutionsCompleted())
                .as("the scheduled run and this one")
                .isEqualTo(2);
    }
}
