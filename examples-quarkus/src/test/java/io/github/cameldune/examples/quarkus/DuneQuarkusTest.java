package io.github.cameldune.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.DuneComponent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** The Quarkus application in JVM mode against the emulator: the component is configured and runs queries. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
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
        for (int i = 0; i < 100 && dune.getExecutionsCompleted() < 2; i++) {
            Thread.sleep(100);
        }
        assertThat(dune.getExecutionsCompleted())
                .as("the scheduled run and this one")
                .isEqualTo(2);
    }
}
