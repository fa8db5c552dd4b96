package io.github.cameldune.dune.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.DuneComponent;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same options in camelCase bind the same way. */
@SpringBootTest(
        classes = StarterApp.class,
        properties = {"camel.component.dune.creditBudget=42", "camel.component.dune.maxRetries=7"})
@Timeout(120)
class CamelCasePropertiesTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @DynamicPropertySource
    static void dune(DynamicPropertyRegistry properties) {
        properties.add("camel.component.dune.baseUrl", () -> DUNE.emulator().baseUrl());
        properties.add("camel.component.dune.apiKey", () -> DUNE.emulator().apiKey());
    }

    @Autowired
    CamelContext camel;

    @Test
    void camelCaseNamesBind() {
        DuneComponent dune = camel.getComponent("dune", DuneComponent.class);
        assertThat(dune.getConfiguration().getApiKey())
                .isEqualTo(DUNE.emulator().apiKey());
        assertThat(dune.getConfiguration().getBaseUrl())
                .isEqualTo(DUNE.emulator().baseUrl());
        assertThat(dune.getCreditBudget()).isEqualTo(42.0);
        assertThat(dune.getConfiguration().getMaxRetries()).isEqualTo(7);
        assertThat(camel.createProducerTemplate().requestBody("dune:usage", (Object) null))
                .isInstanceOf(io.github.cameldune.dune.model.Usage.class);
    }
}
